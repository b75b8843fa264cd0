using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Hosting;

public static class ProxyHosting
{
    /// <summary>The forwarded-headers middleware's options from section "ForwardedHeaders" (<see cref="ProxyOptions"/>).</summary>
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var parsed = Read(configuration).ToForwardedHeadersOptions();
            options.ForwardedHeaders = parsed.ForwardedHeaders;
            options.ForwardLimit = parsed.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in parsed.KnownProxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in parsed.KnownIPNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }

            options.AllowedHosts = [.. parsed.AllowedHosts];
        });
        return builder;
    }

    /// <summary>
    /// Checks the settings now, so a bad address stops the start with a <see cref="HostConfigurationException"/>
    /// rather than surfacing later, then puts the middleware first in the pipeline.
    /// </summary>
    public static WebApplication UseForwardedHeadersFromSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        app.UseForwardedHeaders();
        return app;
    }

    private static ProxyOptions Read(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key, the value and the expected type.
            throw new HostConfigurationException(ex.Message);
        }
    }
}
