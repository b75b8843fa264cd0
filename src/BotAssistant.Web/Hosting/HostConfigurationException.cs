namespace BotAssistant.Web.Hosting;

/// <summary>
/// A setting the host cannot start with. The message names the setting, the value and what is expected;
/// Program prints it and exits with code 1 instead of an unhandled exception's stack trace.
/// </summary>
public sealed class HostConfigurationException(string message) : Exception(message);
