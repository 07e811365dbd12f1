using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Health;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Health;

/// <summary>
/// /health/ready, for load balancers and the container health check, is 503 only while this replica cannot store
/// what it receives: a revoked Slack token makes /health 503 but leaves the replica ready for webhooks and mail.
/// </summary>
public sealed class ReadyTests : AppTest
{
    [Fact]
    public async Task A_refused_token_makes_health_503_but_leaves_the_replica_ready()
    {
        Slack.FailWithError(FakeSlackApi.AnyMethod, "token_revoked", count: 100_000);
        App.Get<TicketIntake>().Create(new TicketDraft("Owed with a revoked token", "details", Priority.Normal, TestSettings.Customer,
            TestSettings.CustomerChannel, TicketSource.RequestForm));
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Count(c => c.Faulted == "token_revoked") >= 2));

        var (health, healthBody) = await App.HealthAsync();
        var (ready, readyBody) = await App.HealthAsync(HostingExtensions.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health);
        Assert.Equal("Unhealthy", healthBody.Status("slack-auth"));
        Assert.Contains("token_revoked", healthBody.Description("slack-auth"), StringComparison.Ordinal);
        Assert.NotNull(healthBody.Since("slack-auth"));
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("Healthy", readyBody["status"]!.GetValue<string>());
        Assert.Equal(["litedb", "open-tickets", "store-writes"], readyBody["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

}

/// <summary>A replica whose store cannot take writes is not ready: the balancer sends its requests elsewhere.</summary>
public sealed class ReadyWhileWritesFailTests : IDisposable
{
    private readonly FillableDisk _disk = new();
    private readonly SupportBotApp _app;

    public ReadyWhileWritesFailTests() => _app = new SupportBotApp(disk: _disk);

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
        // a LiteDB transaction left undisposed by a failed write throws from its finalizer: run it now (see FullDiskTests)
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public async Task Ready_is_503_while_writes_fail_and_200_once_they_reach_the_disk_again()
    {
        var number = await _app.CreateTicketAsync("Saved before the disk filled");
        Assert.Equal(HttpStatusCode.OK, (await _app.HealthAsync(HostingExtensions.ReadyPath)).Status);
        _disk.Full = true;
        var refused = await _app.Requests.CommandAsync("/take", number.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSettings.Engineer);
        Assert.Contains("nothing was changed", refused.Text, StringComparison.Ordinal);

        var (status, body) = await _app.HealthAsync(HostingExtensions.ReadyPath);
        _disk.Full = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.Status("store-writes"));
        Assert.True(await ReadyAgainAsync(), "ready again once the disk takes writes, without a restart");
    }

    /// <summary>The probe write of a failing store gives up after 250 ms when the store is busy: asked again, bounded.</summary>
    private async Task<bool> ReadyAgainAsync()
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (Environment.TickCount64 < deadline)
        {
            if ((await _app.HealthAsync(HostingExtensions.ReadyPath)).Status == HttpStatusCode.OK)
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}

/// <summary>The container's <c>--healthcheck</c> probe asks /health/ready, so a revoked token does not restart the bot.</summary>
public sealed class ReadyProbeTests
{
    [Theory]
    [InlineData(503, 200, 0)]
    [InlineData(200, 503, 1)]
    public async Task The_probe_follows_ready_whatever_health_says(int health, int ready, int exitCode)
    {
        var (server, address) = await LoopbackServer.StartAsync(s =>
        {
            s.MapGet("/health", () => Results.StatusCode(health));
            s.MapGet(HostingExtensions.ReadyPath, () => Results.StatusCode(ready));
        });
        await using var _ = server;

        Assert.Equal(exitCode, await HealthProbe.RunAsync(new Uri(address).Port));
    }
}
