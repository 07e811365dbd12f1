using System.Globalization;

namespace SupportBot.Health;

/// <summary>
/// <c>dotnet SupportBot.dll --healthcheck</c>: asks the running app's <c>/health/ready</c> and exits 0 or 1. The
/// runtime image has no curl, so the Dockerfile's HEALTHCHECK uses the app itself, on the port the app listens on.
/// Ready, not <c>/health</c>: a container is restarted (or taken out of a balancer) only when it cannot store what it
/// receives, never because Slack refuses a token or is unreachable, which a restart would not fix.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--healthcheck";

    public static Task<int> RunAsync() => RunAsync(Port(Environment.GetEnvironmentVariable));

    /// <summary>0 when the app on <paramref name="port"/> of this machine answers ready, else 1.</summary>
    public static async Task<int> RunAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{HostingExtensions.ReadyPath}"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }

    /// <summary>
    /// The app's HTTP port, as ASP.NET Core picks it: <c>HEALTHCHECK_PORT</c> if set, else the first http URL of
    /// <c>ASPNETCORE_URLS</c> (which wins over the ports), else the first of <c>ASPNETCORE_HTTP_PORTS</c>, else 8080.
    /// </summary>
    public static int Port(Func<string, string?> environment)
    {
        if (Number(environment("HEALTHCHECK_PORT")) is { } explicitPort)
            return explicitPort;
        foreach (var url in (environment("ASPNETCORE_URLS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                continue;
            var authority = url["http://".Length..].Split('/')[0];
            var colon = authority.LastIndexOf(':');
            return colon >= 0 && Number(authority[(colon + 1)..]) is { } port ? port : 80;
        }
        var first = (environment("ASPNETCORE_HTTP_PORTS") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return first.Length > 0 && Number(first[0]) is { } httpPort ? httpPort : 8080;
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536 ? n : null;
}
