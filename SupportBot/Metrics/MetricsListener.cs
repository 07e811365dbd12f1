namespace SupportBot.Metrics;

/// <summary>
/// The management port: with <c>Metrics:Port</c> set, the app listens on it besides its own addresses, on the same
/// hosts (all interfaces in the image, loopback when the app itself only listens there), always plain http.
/// </summary>
/// <remarks>
/// Calling Kestrel's <c>Listen*</c> in code would make it ignore <c>ASPNETCORE_URLS</c>, <c>--urls</c> and
/// <c>ASPNETCORE_HTTP_PORTS</c>; instead the port is added to the very setting Kestrel reads: the <c>urls</c> list
/// (read as the host reads it), or <c>Kestrel:Endpoints</c> when the app's endpoints are configured there (then Kestrel
/// ignores <c>urls</c> itself).
/// </remarks>
public static class MetricsListener
{
    private const string Endpoints = "Kestrel:Endpoints";

    /// <summary>The app's own addresses: <c>Kestrel:Endpoints</c>, else <c>urls</c>, else the HTTP(S) ports, else ASP.NET Core's default.</summary>
    public static IReadOnlyList<string> AppUrls(IConfiguration config)
    {
        var endpoints = config.GetSection(Endpoints).GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
            return endpoints;
        if (Split(config["urls"]) is { Count: > 0 } urls)
            return urls;
        List<string> ports = [.. Split(config["http_ports"]).Select(p => $"http://*:{p}"), .. Split(config["https_ports"]).Select(p => $"https://*:{p}")];
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    /// <summary>The ports of <see cref="AppUrls"/> (0 when the system picks one, so it cannot clash).</summary>
    public static IReadOnlyList<int> AppPorts(IConfiguration config) =>
        [.. AppUrls(config).Select(TryParse).OfType<BindingAddress>().Select(a => a.Port).Where(p => p > 0)];

    /// <summary>Adds <paramref name="port"/> to what Kestrel listens on, keeping every address already configured.</summary>
    public static void Listen(IHostApplicationBuilder builder, int port)
    {
        var config = builder.Configuration;
        var appUrls = AppUrls(config);
        var hosts = appUrls.Select(TryParse).OfType<BindingAddress>().Select(a => a.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var metricsUrls = (hosts.Count > 0 ? hosts : ["*"]).Select(h => $"http://{h}:{port}").ToList();
        var settings = new Dictionary<string, string?>();
        if (config.GetSection(Endpoints).GetChildren().Any())
        {
            for (var i = 0; i < metricsUrls.Count; i++)
                settings[$"{Endpoints}:SupportBotMetrics{i}:Url"] = metricsUrls[i];
        }
        else
        {
            settings["urls"] = string.Join(';', appUrls.Concat(metricsUrls));
            // the ports are in urls now; left set, the host would log that urls overrides them
            settings["http_ports"] = "";
            settings["https_ports"] = "";
        }
        config.AddInMemoryCollection(settings);
    }

    private static List<string> Split(string? list) => [.. (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static BindingAddress? TryParse(string url)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null; // Kestrel refuses it at start with its own message
        }
    }
}
