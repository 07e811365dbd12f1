using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SupportBot.LiteDb;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Storage;
using SupportBot.Postgres;
using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;

using SupportBot.Slack.Events;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// <c>outbox</c>, <c>deadletters</c> and <c>backup</c> as real processes with <c>ConnectionStrings:Postgres</c> set: the
/// verbs work on the database beside a running bot (here, a LiteDB file whose lock is held, which they never need).
/// </summary>
[Collection(PostgresCommandLineCollection.Name)]
public sealed class PostgresStoreVerbTests : IDisposable
{
    private const string Password = "pg-secret-verbs";
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-pgverbs-{Guid.NewGuid():N}.db");
    private readonly string _postgres;
    private readonly NpgsqlDataSource _source;
    private readonly PostgresGate _gate;
    private readonly StoreFile _heldFile;
    private readonly LiteDatabase _held;

    public PostgresStoreVerbTests(PostgresServer server)
    {
        _postgres = server.NewDatabase() + $";Password={Password}";
        PostgresSchema.Upgrade(_postgres, NullLogger.Instance);
        _source = NpgsqlDataSource.Create(_postgres);
        _gate = new PostgresGate(_source, NullLogger<PostgresGate>.Instance);
        // as a running bot on LiteDB would: the verbs must not need this file when PostgreSQL is the store
        _heldFile = new StoreFile($"Filename={_db}", (c, m) => new LiteDatabase(c, m), NullLogger<StoreFile>.Instance);
        _held = _heldFile.Open(verify: false);
    }

    public void Dispose()
    {
        _held.Dispose();
        _heldFile.Dispose();
        _source.Dispose();
        File.Delete(_db);
        File.Delete(_db + ".lock");
    }

    [Fact]
    public async Task Outbox_list_and_retry_work_on_postgres()
    {
        _gate.Write(s => OutboxStore.Enqueue(s, new OutboxMessage
        {
            Lane = "C_ACME", Method = "chat.postMessage", TicketNumber = 7, Failed = true, Attempts = 3, LastError = "not_in_channel",
        }, Now));

        var (listed, list) = await Run("outbox", "list");
        var (retried, retry) = await Run("outbox", "retry", "1");

        Assert.True(listed == 0, list);
        Assert.Contains("1 message(s) set aside; 0 still waiting", list, StringComparison.Ordinal);
        Assert.Contains("#1 chat.postMessage to C_ACME (ticket #7), 3 attempt(s)", list, StringComparison.Ordinal);
        Assert.True(retried == 0, retry);
        Assert.Contains("#1 is back in the outbox", retry, StringComparison.Ordinal);
        Assert.Empty(_gate.Read(s => s.Outbox.SetAside()));
        Assert.Equal(0, Assert.Single(_gate.Read(s => s.Outbox.PendingAfter(0, 10))).Attempts);
    }

    [Fact]
    public async Task Deadletters_list_and_retry_work_on_postgres()
    {
        var id = _gate.Write(s => s.DeadLetters.Insert(new DeadLetter
        {
            Kind = DeadLetterKind.Event, SourceId = "Ev42", Type = "message", Json = """{"type":"message"}""", Reason = "boom", At = Now,
        }));

        var (listed, list) = await Run("deadletters", "list");
        var (retried, retry) = await Run("deadletters", "retry", "all");

        Assert.True(listed == 0, list);
        Assert.Contains($"#{id} Event message Ev42", list, StringComparison.Ordinal);
        Assert.True(retried == 0, retry);
        Assert.Contains("(event Ev42) is back in the inbox", retry, StringComparison.Ordinal);
        Assert.Equal(0, _gate.Read(s => s.DeadLetters.Count()));
        Assert.Equal("Ev42", Assert.Single(_gate.Read(s => s.Events.Unprocessed(10))).EventId);
        Assert.DoesNotContain(Password, list + retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_retry_wakes_the_running_replicas_so_the_message_goes_at_once()
    {
        // the command stamps the retried message with the machine's clock: the replica's fake one must not be behind it
        using var app = new SupportBotApp(new() { ["ConnectionStrings:Postgres"] = _postgres },
            time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10)));
        app.Get<IStoreGate>().Write(s => OutboxStore.Enqueue(s, new OutboxMessage
        {
            Lane = TestSettings.CustomerChannel, Method = "chat.postMessage", Failed = true, Attempts = 1, LastError = "not_in_channel",
            Args = $$"""{"channel":"{{TestSettings.CustomerChannel}}","text":"The fix is deployed."}""",
        }, app.Time.GetUtcNow().UtcDateTime));

        var (retried, retry) = await Run("outbox", "retry", "all");

        Assert.True(retried == 0, retry);
        // the replica's clock stands still, so its idle round never comes: only the command's wake-up sends it
        var posts = await app.Slack.WaitForAsync("chat.postMessage", c => c.Text == "The fix is deployed.");
        Assert.Single(posts);
    }

    [Fact]
    public async Task Backup_points_to_pg_dump_and_exits_2()
    {
        var target = Path.Combine(Path.GetTempPath(), $"supportbot-pgverbs-{Guid.NewGuid():N}.copy");

        var (exit, output) = await Run("backup", target);

        Assert.Equal(2, exit);
        Assert.Contains("pg_dump", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_named_without_the_password()
    {
        var settings = AppCommand.Settings(_db);
        settings["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=gone;Username=bot;Password={Password};Timeout=3";

        var (exit, output) = await AppCommand.RunAsync(["outbox", "list"], settings);

        Assert.Equal(1, exit);
        Assert.Contains("ConnectionStrings:Postgres (bot@127.0.0.1:", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private Task<(int? ExitCode, string Output)> Run(params string[] args)
    {
        var settings = AppCommand.Settings(_db);
        settings["ConnectionStrings__Postgres"] = _postgres;
        return AppCommand.RunAsync(args, settings);
    }
}
