using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BotAssistant.Web.Hosting;

/// <summary>
/// Configuration section "ForwardedHeaders": which proxies may tell the host the caller's scheme, host and address
/// (X-Forwarded-Proto / -Host / -For). Headers from any other address are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Names of <see cref="Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders"/>, comma-separated; "None" turns it off.</summary>
    public string ForwardedHeaders { get; set; } = "XForwardedFor, XForwardedProto, XForwardedHost";

    /// <summary>Proxy addresses trusted one by one (e.g. "10.0.0.5").</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form (e.g. "10.0.0.0/8"). With neither list set, only loopback is trusted.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>X-Forwarded-Host values to accept ("bot.example.org", "*.example.org"); empty accepts any from a trusted proxy.</summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>How many proxies in a chain to read back through; 1 for a single nginx.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The middleware's options, or a <see cref="HostConfigurationException"/> naming every bad value.</summary>
    public ForwardedHeadersOptions ToForwardedHeadersOptions()
    {
        var problems = new List<string>();
        var result = new ForwardedHeadersOptions { ForwardLimit = ForwardLimit };
        result.KnownProxies.Clear();
        result.KnownIPNetworks.Clear();

        if (!TryParseHeaders(ForwardedHeaders, out var headers))
        {
            problems.Add($"{Section}:ForwardedHeaders: '{ForwardedHeaders}' is not a list of XForwardedFor, XForwardedProto, XForwardedHost, XForwardedPrefix or None");
        }

        result.ForwardedHeaders = headers;
        if (ForwardLimit < 1)
        {
            problems.Add($"{Section}:ForwardLimit: {ForwardLimit} must be 1 or more");
        }

        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (IPAddress.TryParse(KnownProxies[i]?.Trim(), out var address))
            {
                result.KnownProxies.Add(address);
            }
            else
            {
                problems.Add($"{Section}:KnownProxies:{i}: '{KnownProxies[i]}' is not an IP address (e.g. 10.0.0.5 or ::1)");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (ParseNetwork(KnownNetworks[i], out var network) is { } problem)
            {
                problems.Add($"{Section}:KnownNetworks:{i}: '{KnownNetworks[i]}' {problem}");
            }
            else
            {
                result.KnownIPNetworks.Add(network);
            }
        }

        if (KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            result.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            result.KnownProxies.Add(IPAddress.IPv6Loopback);
        }

        foreach (var host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal))
            {
                problems.Add($"{Section}:AllowedHosts: '{host}' is not a host name");
            }
            else
            {
                result.AllowedHosts.Add(host.Trim());
            }
        }

        return problems.Count == 0
            ? result
            : throw new HostConfigurationException("invalid forwarded-headers settings:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
    }

    /// <summary>Null when <paramref name="text"/> is a CIDR network, else what is wrong with it.</summary>
    private static string? ParseNetwork(string? text, out System.Net.IPNetwork network)
    {
        text = text?.Trim() ?? "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !System.Net.IPNetwork.TryParse(text, out network))
        {
            network = default;
            return "is not a network in CIDR form (e.g. 10.0.0.0/8; a single address goes under KnownProxies)";
        }

        // .NET reads 10.0.0.1/8 as 10.0.0.0/8 without a word; perhaps 10.0.0.1/32 was meant.
        return IPAddress.Parse(text[..slash]).Equals(network.BaseAddress)
            ? null
            : $"is not a network: it has bits set after the prefix (write {network}, or {text[..slash]} under KnownProxies)";
    }

    private static bool TryParseHeaders(string? text, out ForwardedHeaders headers)
    {
        headers = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Names only: Enum.TryParse would also take "7" or "-1".
            if (!Enum.GetNames<ForwardedHeaders>().Contains(name, StringComparer.OrdinalIgnoreCase)
                || !Enum.TryParse<ForwardedHeaders>(name, ignoreCase: true, out var one))
            {
                return false;
            }

            headers |= one;
        }

        return true;
    }
}
