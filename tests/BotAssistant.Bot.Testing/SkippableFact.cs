using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BotAssistant.Bot.Testing;

/// <summary>A fact that may skip itself at run time by throwing <see cref="SkipException"/> (see <see cref="Services"/>).</summary>
[XunitTestCaseDiscoverer("BotAssistant.Bot.Testing.SkippableFactDiscoverer", "BotAssistant.Bot.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SkippableFactAttribute : FactAttribute;

/// <summary>Thrown to turn the running test into a skipped one, with the reason shown by the runner.</summary>
public sealed class SkipException(string reason) : Exception(reason);

public sealed class SkippableFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new SkippableTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class SkippableTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippableTestCase() { }

    public SkippableTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        using var bus = new SkippingMessageBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
        summary.Failed -= bus.Skipped;
        summary.Skipped += bus.Skipped;
        return summary;
    }
}

/// <summary>Rewrites a failure caused by <see cref="SkipException"/> into a skip.</summary>
internal sealed class SkippingMessageBus(IMessageBus inner) : IMessageBus
{
    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == typeof(SkipException).FullName)
        {
            Skipped++;
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }

        return inner.QueueMessage(message);
    }

    public void Dispose() { }
}

/// <summary>External services for tests: skipped when absent, failed when BOTASSISTANT_REQUIRE_SERVICES=1.</summary>
public static class Services
{
    public static bool Required => Environment.GetEnvironmentVariable("BOTASSISTANT_REQUIRE_SERVICES") == "1";

    /// <summary>The env var's value, or skip (or fail when services are required) naming what is missing.</summary>
    public static string RequireSetting(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Unavailable($"{what}: set {variable} to run this test.");
        }

        return value!;
    }

    /// <summary>Skips the test, or fails it when services are required.</summary>
    public static void Unavailable(string reason)
    {
        if (Required)
        {
            throw new XunitException($"{reason} (BOTASSISTANT_REQUIRE_SERVICES=1, so this is a failure, not a skip)");
        }

        throw new SkipException(reason);
    }
}
