using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.LiteDb;
using SupportBot.Outbox;
using SupportBot.Slack.Api;
using SupportBot.Slack.Events;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// One app per fuzz class: a <see cref="SupportBotApp"/> whose logs are collected, with the store read directly
/// so a test can tell whether a request wrote anything.
/// </summary>
public sealed class FuzzHost : IDisposable
{
    private readonly SupportBotApp _app = new();
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="holdDeliveries">Keep Slack writes waiting until <see cref="ReleaseDeliveriesAsync"/>, so the outbox only grows meanwhile.</param>
    public FuzzHost(bool holdDeliveries = false)
    {
        if (!holdDeliveries)
            Gate.Open();
        _factory = _app.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(Logs))
            .ConfigureTestServices(s => s.AddHttpClient<SlackApiClient>().AddHttpMessageHandler(Gate.CreateHandler)));
        Client = _factory.CreateClient();
    }

    public DeliveryGate Gate { get; } = new();

    public FakeSlackApi Slack => _app.Slack;

    public LogCollector Logs { get; } = new();

    public HttpClient Client { get; }

    public DateTimeOffset Now => _app.Time.GetUtcNow();

    public SlackRequests Requests => new(Client, TestSettings.Secret, () => Now);

    public T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>What a write would change: ticket and event counts, and the newest outbox id (delivery deletes, so counts shrink).</summary>
    public StoreSnapshot Snapshot()
    {
        return Get<StoreGate>().Read(db =>
        {
            var outbox = db.GetCollection<OutboxMessage>(SupportBot.LiteDb.LiteOutboxRows.Collection);
            var newestOutbox = outbox.Query().OrderByDescending(m => m.Id).Select(m => m.Id).Limit(1).ToList();
            return new StoreSnapshot(
                Get<TicketStore>().Count(),
                db.GetCollection(SupportBot.LiteDb.LiteEventRows.Collection).Count(),
                outbox.Count(),
                newestOutbox.Count == 0 ? 0 : newestOutbox[0]);
        });
    }

    /// <summary>Waits until the background event processor has handled every accepted event, so it writes nothing later.</summary>
    public async Task WaitForEventsHandledAsync(int timeoutMs = Eventually.PatienceMs)
    {
        var inbox = Get<SlackEventInbox>();
        var deadline = Environment.TickCount64 + timeoutMs;
        while (inbox.Unprocessed(1).Count > 0 && Environment.TickCount64 < deadline)
            await Task.Delay(2);
    }

    /// <summary>Lets held Slack writes through and waits (bounded) for the outbox to drain.</summary>
    public async Task ReleaseDeliveriesAsync(int timeoutMs = Eventually.PatienceMs)
    {
        Gate.Open();
        // held calls may have timed out and been rescheduled a second or two ahead on the frozen clock
        _app.Time.Advance(TimeSpan.FromSeconds(2));
        Get<OutboxSignal>().Notify();
        var store = Get<OutboxStore>();
        var deadline = Environment.TickCount64 + timeoutMs;
        while (store.CountPending() > 0 && Environment.TickCount64 < deadline)
            await Task.Delay(10);
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
        return response.StatusCode;
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        _app.Dispose();
        _app.DeleteDatabase();
    }
}

/// <param name="NewestOutboxId">Outbox ids only grow, so a new message shows here even if another was delivered meanwhile.</param>
public sealed record StoreSnapshot(int Tickets, int Events, int Outbox, long NewestOutboxId)
{
    public bool Empty => Tickets == 0 && Events == 0 && Outbox == 0 && NewestOutboxId == 0;

    /// <summary>True when something was inserted between this snapshot and <paramref name="after"/>.</summary>
    public bool GrewTo(StoreSnapshot after) =>
        after.Tickets != Tickets || after.Events != Events || after.Outbox > Outbox || after.NewestOutboxId > NewestOutboxId;
}
