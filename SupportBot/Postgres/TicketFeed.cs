using Npgsql;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Tickets;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// Tells this replica's followers of in-memory state (search index, dashboard facts: the <see cref="ITicketsCommitted"/>
/// listeners) about every replica's ticket changes. Each ticket row carries the transaction that last wrote it
/// (<c>changed_by</c>); every transaction below the oldest one still running (<c>pg_snapshot_xmin</c>) has finished,
/// so a poll re-reads only rows written at or above the previous poll's horizon and never skips a change that commits
/// late. Polls are woken by the NOTIFY each ticket write's transaction sends, with a slow timer behind it; the same
/// connection wakes the outbox when another replica queued a message, and drops the in-memory customer records when
/// any replica changed them (also each time it connects: what was told while it was away is lost). Changes may be
/// told twice (also this replica's own): the followers upsert.
/// </summary>
public sealed class TicketFeed(NpgsqlDataSource source, IEnumerable<ITicketsCommitted> listeners, OutboxSignal outbox,
    CustomerStore customers, ILogger<TicketFeed> logger) : BackgroundService
{
    public const string TicketsChannel = "supportbot_tickets";
    public const string OutboxChannel = "supportbot_outbox";
    public const string CustomersChannel = "supportbot_customers";

    /// <summary>Polls at least this often, in case a notification was lost with a connection.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<ITicketsCommitted> _listeners = listeners.ToList();
    private string _horizon = "0";

    /// <summary>Revisions told since the horizon, so a row re-read while an older transaction runs is not told again.</summary>
    private HashSet<long> _told = [];

    /// <summary>Fixes the horizon before the followers load what is stored (they start after this), so nothing falls between.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _horizon = Horizon();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The ticket change feed lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        await using var connection = await source.OpenConnectionAsync(stoppingToken);
        var ticketsChanged = true;
        connection.Notification += (_, e) =>
        {
            if (e.Channel == OutboxChannel)
                outbox.Notify();
            else if (e.Channel == CustomersChannel)
                customers.Forget();
            else
                ticketsChanged = true;
        };
        await using (var listen = new NpgsqlCommand($"listen {TicketsChannel}; listen {OutboxChannel}; listen {CustomersChannel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        customers.Forget();
        var lastPoll = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (ticketsChanged || DateTime.UtcNow - lastPoll >= PollEvery)
            {
                ticketsChanged = false;
                lastPoll = DateTime.UtcNow;
                Poll();
            }
            await connection.WaitAsync(PollEvery, stoppingToken);
        }
    }

    /// <summary>Tells the listeners every ticket written at or above the horizon, then moves the horizon up.</summary>
    public int Poll()
    {
        var horizon = Horizon(); // taken first: every transaction below it is visible to the read that follows
        using var connection = source.OpenConnection();
        using var read = new NpgsqlCommand("select revision, doc from tickets where changed_by >= @horizon::xid8 order by revision", connection);
        read.Parameters.AddWithValue("horizon", _horizon);
        var changed = new List<Ticket>();
        var seen = new HashSet<long>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var revision = reader.GetInt64(0);
                seen.Add(revision);
                if (!_told.Contains(revision))
                    changed.Add(PgJson.Read<Ticket>(reader.GetString(1)));
            }
        }
        if (changed.Count > 0)
        {
            foreach (var listener in _listeners)
                listener.Committed(changed);
        }
        _told = seen;
        _horizon = horizon;
        return changed.Count;
    }

    private string Horizon()
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("select pg_snapshot_xmin(pg_current_snapshot())::text", connection);
        return (string)command.ExecuteScalar()!;
    }
}
