using System.Text.RegularExpressions;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Macros;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Storage;
using SupportBot.LiteDb;
using SupportBot.Postgres;
using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// <c>migrate-store --to-postgres</c> as a real process: a LiteDB file holding every kind of record is copied into a
/// fresh database under the same keys, the counts are checked, a second run writes nothing, and the bot started on
/// PostgreSQL afterwards carries on from the copied numbers.
/// </summary>
[Collection(PostgresCommandLineCollection.Name)]
public sealed partial class StoreMigrationTests(PostgresServer server) : IDisposable
{
    private const string Password = "pg-secret-migrate";
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-migrate-{Guid.NewGuid():N}.db");
    private readonly string _postgres = server.NewDatabase() + $";Password={Password}";

    public void Dispose()
    {
        foreach (var file in new[] { _db, Path.ChangeExtension(_db, null) + "-log.db", _db + ".lock" })
            File.Delete(file);
    }

    [Fact]
    public async Task Every_kind_of_record_is_copied_under_its_key_and_the_counts_match()
    {
        FillLiteDb();

        var (exit, output) = await Migrate();

        Assert.True(exit == 0, output);
        Assert.Contains("Every kind has the same count on both sides", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.Matches(@"tickets\s+3 in LiteDB\s+3 in PostgreSQL\s+3 written", output);
        Assert.Matches(@"outbox messages\s+2 in LiteDB\s+2 in PostgreSQL", output);
        Assert.Matches(@"dashboard sessions\s+1 in LiteDB\s+1 in PostgreSQL", output);
        using var source = NpgsqlDataSource.Create(_postgres);
        var gate = new PostgresGate(source, NullLogger<PostgresGate>.Instance);
        Assert.Equal("Login fails", gate.Read(s => s.Tickets.Find(2))?.Subject);
        Assert.Equal([1, 2], gate.Read(s => s.Tickets.Open()).Select(t => t.Number));
        Assert.Equal(1, Assert.Single(gate.Read(s => s.Outbox.SetAside())).Id);
        Assert.Equal([2L], gate.Read(s => s.Outbox.PendingAfter(0, 10)).Select(m => m.Id));
        Assert.Equal(7, gate.Read(s => s.IntakeKeys.Find("C_ACME:1.1"))?.TicketNumber);
        Assert.Equal(["Ev2"], gate.Read(s => s.Events.Unprocessed(10)).Select(e => e.EventId));
        Assert.Equal("boom", gate.Read(s => s.DeadLetters.All()).Single(l => l.Id == 2).Reason);
        Assert.Equal("Enterprise", gate.Read(s => s.Customers.Find("acme corp"))?.Tier);
        Assert.Equal("U_ENG1", gate.Read(s => s.Grants.Find(GrantKind.Link, "H1"))?.UserId);
        Assert.Equal("U_ENG2", gate.Read(s => s.Grants.Find(GrantKind.Session, "H1"))?.UserId);
        Assert.Equal(TicketStatus.Pending, gate.Read(s => s.Macros.Find("need-logs"))?.Status);
        Assert.Equal(uint.MaxValue, gate.Read(s => s.MailboxCursors.Find("support@imap"))?.UidValidity);
        Assert.Equal(5, gate.Read(s => s.HomeTabs.Find("U_ENG1"))?.Version);
        // what PostgreSQL numbers next continues after what LiteDB handed out, even what it deleted since
        var (ticket, message, letter, stored) = gate.Write(s =>
        {
            var t = new Ticket { Subject = "After the move", ChannelId = "C_ACME", CreatedAt = Now, UpdatedAt = Now };
            s.Tickets.Insert(t);
            var m = new OutboxMessage { Lane = "C_ACME", Method = "chat.postMessage", NextAttemptAt = Now, CreatedAt = Now };
            s.Outbox.Insert(m);
            var e = new StoredEvent { EventId = "Ev3", Type = "message", Json = "{}", ReceivedAt = Now };
            s.Events.Add(e);
            return (t.Number, m.Id, s.DeadLetters.Insert(new DeadLetter { SourceId = "Ev9", At = Now }), e.Sequence);
        });
        Assert.Equal((4, 4L, 3L), (ticket, message, letter));
        Assert.True(stored > 2, $"event sequence {stored}");
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_changes_nothing()
    {
        FillLiteDb();
        var (first, _) = await Migrate();
        var before = Snapshot();

        var (second, output) = await Migrate();

        Assert.Equal(0, first);
        Assert.True(second == 0, output);
        var kinds = KindLine().Matches(output);
        Assert.Equal(11, kinds.Count);
        Assert.All(kinds, k => Assert.Equal("0", k.Groups["written"].Value));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task The_bot_started_on_postgres_after_the_copy_finds_the_tickets_and_numbers_the_next_one_after_them()
    {
        FillLiteDb();
        var (exit, output) = await Migrate();
        Assert.True(exit == 0, output);

        await using var app = new SupportBotApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _postgres,
            ["Scheduling:Enabled"] = "false",
        });
        try
        {
            var status = await app.Requests.CommandAsync("/status", "2", TestSettings.Engineer);
            var number = await app.CreateTicketAsync("Exports are empty");

            Assert.Contains("Login fails", status.Text, StringComparison.Ordinal);
            Assert.Equal(4, number);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public async Task A_count_that_differs_is_named_and_the_exit_code_is_1()
    {
        FillLiteDb();
        PostgresSchema.Upgrade(_postgres, NullLogger.Instance);
        using (var source = NpgsqlDataSource.Create(_postgres))
            new PostgresGate(source, NullLogger<PostgresGate>.Instance).Write(s => s.Customers.Upsert(new Customer { Key = "beta", Name = "Beta" }));

        var (exit, output) = await Migrate();

        Assert.Equal(1, exit);
        Assert.Contains("The counts differ for customers: 1 in LiteDB, 2 in PostgreSQL.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Every kind has the same count", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_refuses_while_the_bot_holds_the_data_file_and_leaves_postgres_untouched()
    {
        FillLiteDb();
        using var file = new StoreFile($"Filename={_db}", (c, m) => new LiteDatabase(c, m), NullLogger<StoreFile>.Instance);
        using var held = file.Open(verify: false);

        var (exit, output) = await Migrate();

        Assert.Equal(1, exit);
        Assert.Contains("Nothing was copied: another SupportBot process is using the data file", output, StringComparison.Ordinal);
        Assert.Contains("Stop the bot first", output, StringComparison.Ordinal);
        using var connection = new NpgsqlConnection(_postgres);
        connection.Open();
        using var probe = new NpgsqlCommand("select to_regclass('tickets') is null", connection);
        Assert.True((bool)probe.ExecuteScalar()!);
    }

    [Fact]
    public async Task Without_a_target_it_says_how_to_name_one()
    {
        var (exit, output) = await AppCommand.RunAsync(["migrate-store"], AppCommand.Settings(_db));

        Assert.Equal(2, exit);
        Assert.Contains("migrate-store --to-postgres", output, StringComparison.Ordinal);
    }

    private Task<(int? ExitCode, string Output)> Migrate() =>
        AppCommand.RunAsync(["migrate-store", "--to-postgres", _postgres], AppCommand.Settings(_db), seconds: 60);

    /// <summary>Three tickets (one closed), outbox messages (one set aside, one deleted after its id was used), and one or two of each other kind.</summary>
    private void FillLiteDb()
    {
        using var db = new LiteDatabase($"Filename={_db}", LiteDbFactory.CreateMapper());
        LiteSchema.Apply(db);
        var s = new LiteSession(db);
        foreach (var subject in new[] { "Search times out", "Login fails", "Old export" })
            s.Tickets.Insert(new Ticket { Subject = subject, ChannelId = "C_ACME", RequesterId = "U_CUST1", CreatedAt = Now, UpdatedAt = Now });
        var closed = s.Tickets.Find(3)!;
        closed.Status = TicketStatus.Closed;
        s.Tickets.Update(closed);
        var messages = Enumerable.Range(0, 3)
            .Select(_ => new OutboxMessage { Lane = "C_ACME", Method = "chat.postMessage", Args = """{"text":"hi"}""", NextAttemptAt = Now, CreatedAt = Now })
            .ToList();
        messages.ForEach(s.Outbox.Insert);
        messages[0].Failed = true;
        messages[0].LastError = "not_in_channel";
        s.Outbox.Update(messages[0]);
        s.Outbox.Delete(messages[2].Id);
        s.IntakeKeys.Insert(new IntakeKey { Id = "C_ACME:1.1", TicketNumber = 7, At = Now });
        s.Events.Add(new StoredEvent { EventId = "Ev1", Type = "message", Json = "{}", ReceivedAt = Now, ProcessedAt = Now });
        s.Events.Add(new StoredEvent { EventId = "Ev2", Type = "message", Json = """{"text":"ü"}""", ReceivedAt = Now });
        s.DeadLetters.Insert(new DeadLetter { Kind = DeadLetterKind.Interaction, SourceId = "V1", Type = "block_actions", At = Now });
        s.DeadLetters.Insert(new DeadLetter { Kind = DeadLetterKind.Event, SourceId = "Ev0", Type = "message", Json = "{}", Reason = "boom", At = Now });
        s.Customers.Upsert(new Customer { Key = "acme corp", Name = "Acme Corp", Channels = ["C_ACME"], Tier = "Enterprise" });
        s.Grants.Insert(GrantKind.Link, new SignIns.Grant { Hash = "H1", UserId = "U_ENG1", ExpiresAt = Now.AddMinutes(10) });
        s.Grants.Insert(GrantKind.Session, new SignIns.Grant { Hash = "H1", UserId = "U_ENG2", ExpiresAt = Now.AddHours(12) });
        s.MailboxCursors.Upsert(new MailboxCursor { Mailbox = "support@imap", UidValidity = uint.MaxValue, LastUid = 42 });
        s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG1", RefreshAt = Now, Version = 5 });
        s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG2" });
        s.Macros.Upsert(new Macro { Id = "need-logs", Name = "Need-Logs", Text = "Hi {requester}", Status = TicketStatus.Pending, UpdatedAt = Now });
    }

    /// <summary>Every row's key and content, the ticket revisions, and where each sequence stands.</summary>
    private List<string> Snapshot()
    {
        using var connection = new NpgsqlConnection(_postgres);
        connection.Open();
        var rows = new List<string>();
        foreach (var query in new[]
        {
            "select number || ':' || revision || ':' || doc::text from tickets order by number",
            "select id || ':' || failed || ':' || doc::text from outbox order by id",
            "select id || ':' || ticket_number || ':' || at from intake_keys order by id",
            "select event_id || ':' || sequence || ':' || doc::text from events order by event_id",
            "select id || ':' || doc::text from dead_letters order by id",
            "select key || ':' || doc::text from customers order by key",
            "select kind || ':' || hash || ':' || user_id || ':' || expires_at from grants order by kind, hash",
            "select mailbox || ':' || uid_validity || ':' || last_uid from mailbox_cursors",
            "select user_id || ':' || coalesce(refresh_at::text, '-') || ':' || version from home_tabs order by user_id",
            "select id || ':' || doc::text from macros order by id",
            "select 'counter:' || value from counters",
            "select 'revision:' || last_value from ticket_revision",
            "select 'outbox:' || last_value from outbox_id_seq",
            "select 'events:' || last_value from events_sequence_seq",
            "select 'dead:' || last_value from dead_letters_id_seq",
        })
        {
            using var command = new NpgsqlCommand(query, connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(reader.GetString(0));
        }
        return rows;
    }

    [GeneratedRegex(@"^\s+(?<kind>[A-Za-z -]+?)\s+\d+ in LiteDB\s+\d+ in PostgreSQL\s+(?<written>\d+) written", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
