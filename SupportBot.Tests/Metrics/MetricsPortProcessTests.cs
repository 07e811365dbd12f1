using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SupportBot.Tests.Faults;

namespace SupportBot.Tests.Metrics;

/// <summary>
/// The real app with <c>Metrics__Port</c> beside <c>ASPNETCORE_URLS</c>: it listens on both, <c>/metrics</c> answers
/// on the management port only, and the app's own address keeps serving everything else.
/// </summary>
public sealed class MetricsPortProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-metrics-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_app_listens_on_the_management_port_beside_its_own_address()
    {
        var port = FreePort();
        await using var slack = await LoopbackSlack.StartAsync();
        using var app = await AppProcess.StartAsync(Path.Combine(_folder, "supportbot.db"), slack.ApiUrl,
            new() { ["Metrics__Port"] = port.ToString(CultureInfo.InvariantCulture) });
        using var http = app.Client();

        using var metrics = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("supportbot_outbox_pending", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).StatusCode);

        Assert.NotEqual(port, app.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        foreach (var path in new[] { "/metrics", "/metrics/", "/METRICS" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
