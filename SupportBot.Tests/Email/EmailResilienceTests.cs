using System.Diagnostics;
using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Email;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using Xunit.Abstractions;

namespace SupportBot.Tests.Email;

/// <summary>No mail lost or handled twice: restarts mid-mail, a big mailbox, a server that goes away.</summary>
public sealed class EmailResilienceTests(ITestOutputHelper output) : IDisposable
{
    private readonly Dovecot _imap = new();
    private readonly SmtpSink _smtp = new();
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-mail-{Guid.NewGuid():N}.db");

    private SupportBotApp Start()
    {
        var settings = _imap.Settings();
        foreach (var (k, v) in _smtp.Settings())
            settings[k] = v;
        settings["Email:PollInterval"] = "00:00:02";
        var app = new SupportBotApp(settings, _db);
        _ = app.Services; // starts the mailbox watcher
        return app;
    }

    [Fact]
    public async Task A_restart_after_the_ticket_committed_but_before_the_cursor_moved_makes_no_second_ticket()
    {
        _imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        using (var first = Start())
        {
            Assert.True(await Eventually.TrueAsync(() => first.Get<TicketStore>().Count() == 1, 30_000));
            Assert.Single(await _smtp.WaitForAsync(_ => true));
        }
        // the crash: the mail's ticket is committed, the mailbox cursor never was
        using (var db = new LiteDatabase($"Filename={_db}"))
            db.DropCollection(SupportBot.LiteDb.LiteMailboxCursorRows.Collection);

        using var second = Start();
        Assert.True(await Eventually.TrueAsync(() => CursorMoved(second)));
        // the mail is handled before the cursor moves, and what it owed is sent before the outbox empties
        Assert.True(await Eventually.TrueAsync(() => Owed(second) == 0));
        Assert.Equal(1, second.Get<TicketStore>().Count());
        Assert.Single(_smtp.Mails);
    }

    [Fact]
    public async Task A_server_that_drops_the_connection_is_reconnected_and_no_mail_is_lost()
    {
        using var app = Start();
        _imap.Deliver(Mails.From("dana@customer.test", "Before the outage", "one"));
        Assert.True(await Eventually.TrueAsync(() => app.Get<TicketStore>().Count() == 1));

        _imap.Stop();
        await Task.Delay(1500); // the watcher notices and starts backing off, on the app's clock
        _imap.Start();
        _imap.Deliver(Mails.From("dana@customer.test", "After the outage", "two"));

        Assert.True(await app.AdvanceUntilAsync(() => app.Get<TicketStore>().Count() == 2, TimeSpan.FromSeconds(2)));
        Assert.Equal("After the outage", app.Get<TicketStore>().Find(2)!.Subject);
    }

    [Fact]
    public async Task A_mailbox_of_two_hundred_mails_becomes_two_hundred_tickets()
    {
        const int count = 200; // many mails in one read; more only adds time (the rate is printed below)
        _imap.Deliver(Enumerable.Range(1, count).Select(i => Mails.From($"user{i}@customer.test", $"Request {i}", $"Body {i}")).ToArray());
        var watch = Stopwatch.StartNew();
        using var app = Start();
        Assert.True(await Eventually.TrueAsync(() => app.Get<TicketStore>().Count() == count, 120_000));
        watch.Stop();
        // a measurement for the report, not a timed assertion
        output.WriteLine($"{count} mails ingested in {watch.Elapsed.TotalSeconds:0.0} s: {count / watch.Elapsed.TotalSeconds:0} mails/s");
        Assert.Equal($"Request {count}", app.Get<TicketStore>().Find(count)!.Subject);
    }

    [Fact]
    public async Task An_acknowledgement_owed_while_the_smtp_server_is_down_is_sent_once_it_is_back()
    {
        var port = FreePort.Next();
        var settings = _imap.Settings();
        foreach (var (k, v) in _smtp.Settings())
            settings[k] = v;
        settings["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var app = new SupportBotApp(settings, _db);
        _ = app.Services;
        _imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        Assert.True(await Eventually.TrueAsync(() => app.Get<TicketStore>().Count() == 1, 60_000), $"tickets: {app.Get<TicketStore>().Count()}; dovecot: {_imap.Log()[^Math.Min(2000, _imap.Log().Length)..]}");
        Assert.True(await Eventually.TrueAsync(() => OutboxAttempts(app) > 0)); // the send failed and waits

        using var smtp = new SmtpSink(port);
        Assert.True(await app.AdvanceUntilAsync(() => smtp.Mails.Count > 0, TimeSpan.FromSeconds(10)));
        Assert.True(await Eventually.TrueAsync(() => Owed(app) == 0)); // retired once sent: no second send is coming
        Assert.Single(smtp.Mails);
        Assert.Contains("[#1]", smtp.Mails[0].Subject, StringComparison.Ordinal);
    }

    private static int Owed(SupportBotApp app) => app.Get<SupportBot.Outbox.OutboxStore>().CountPending();

    private static int OutboxAttempts(SupportBotApp app) =>
        app.Get<SupportBot.Outbox.OutboxStore>().Pending(1000).Where(m => m.Method == OutgoingMail.Method).Sum(m => m.Attempts);

    private static bool CursorMoved(SupportBotApp app) =>
        app.Get<SupportBot.LiteDb.StoreGate>().Read(db => db.GetCollection(SupportBot.LiteDb.LiteMailboxCursorRows.Collection).Count()) > 0;

    public void Dispose()
    {
        _smtp.Dispose();
        _imap.Dispose();
        foreach (var file in new[] { _db, Path.ChangeExtension(_db, null) + "-log.db" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }
    }
}
