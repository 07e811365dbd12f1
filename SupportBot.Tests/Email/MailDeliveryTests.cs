using System.Globalization;
using System.Text.Json.Nodes;
using SupportBot.Email;
using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Email;

/// <summary>
/// Issue 21's mail delivery truth, against a real dovecot (IMAP) and a real SMTP server: what the team is told when a
/// mail server refuses, does not answer or bounces, and what /health says while it does.
/// </summary>
public sealed class MailDeliveryTests : IDisposable
{
    private const string Dana = "dana@customer.test";
    private readonly Dovecot _imap = new();
    private readonly SmtpSink _smtp = new();
    private readonly List<SupportBotApp> _apps = [];

    private SupportBotApp Start(int? smtpPort = null, Dictionary<string, string?>? more = null)
    {
        var settings = _imap.Settings();
        foreach (var (k, v) in _smtp.Settings())
            settings[k] = v;
        settings["Email:PollInterval"] = "00:00:02";
        if (smtpPort is { } port)
            settings["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in more ?? [])
            settings[k] = v;
        var app = new SupportBotApp(settings);
        _apps.Add(app);
        _ = app.Services; // starts the mailbox watcher
        return app;
    }

    /// <summary>Dana's mail made ticket #1 and its triage card is posted: the thread under it is where the team reads.</summary>
    private static async Task<string> TicketFromDanaAsync(SupportBotApp app, Dovecot imap)
    {
        imap.Deliver(Mails.From(Dana, "Export fails", "It times out."));
        Assert.True(await Eventually.TrueAsync(() => app.Get<TicketStore>().Find(1)?.TriageTs is not null, 60_000), "no ticket with a triage card");
        return app.Get<TicketStore>().Find(1)!.TriageTs!;
    }

    private static IReadOnlyList<SlackCall> Thread(SupportBotApp app, string triage) =>
        app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.ThreadTs == triage);

    private static async Task<JsonNode> MailHealthAsync(SupportBotApp app) =>
        JsonNode.Parse(await app.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative)))!["checks"]!["mail"]!;

    private static async Task<bool> MailHealthIsAsync(SupportBotApp app, string status) =>
        await Eventually.TrueAsync(() => MailHealthAsync(app).GetAwaiter().GetResult()["status"]!.GetValue<string>() == status);

    [Fact]
    public async Task A_550_sets_the_answer_aside_at_once_and_tells_the_team_and_the_engineer_the_servers_words()
    {
        var app = Start();
        var triage = await TicketFromDanaAsync(app, _imap);
        Assert.Single(await _smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        _smtp.Refuse(Dana);

        await app.Requests.CommandAsync("/status", "1 reply Please try the 5.2 build.", TestSettings.Engineer, TestSettings.SupportChannel);

        var notice = Assert.Single(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.ThreadTs == triage && c.Text.Contains("Not delivered", StringComparison.Ordinal)));
        Assert.Contains("the engineer's answer to the customer", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"The mail server refused {Dana}: 550 User unknown", notice.Text, StringComparison.Ordinal);
        Assert.NotEmpty(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.Engineer && c.Text.Contains("550 User unknown", StringComparison.Ordinal)));
        // set aside on the first refusal, not retried for a day
        var setAside = Assert.Single(app.Get<OutboxStore>().FailedMessages());
        Assert.Equal(("smtp_550", 0), (setAside.LastError, setAside.Attempts));
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Equal(2, _smtp.Attempts(Dana)); // the acknowledgement, then the answer refused once
        Assert.DoesNotContain(Thread(app, triage), c => c.Text.Contains("Mailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_while_the_mail_server_is_down_is_told_as_queued_and_mailed_only_once_the_server_took_it()
    {
        var port = FreePort.Next();
        var app = Start(port);
        var triage = await TicketFromDanaAsync(app, _imap);
        // the acknowledgement's send failed: the bot now knows the server does not answer
        Assert.True(await Eventually.TrueAsync(() => app.Get<OutboxStore>().Pending(100).Any(m => m.Method == OutgoingMail.Method && m.Attempts > 0)));

        var answer = await app.Requests.CommandAsync("/status", "1 reply Please try the 5.2 build.", TestSettings.Engineer, TestSettings.SupportChannel);
        Assert.Contains("The mail server is not answering", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"is queued for {Dana}: it will be mailed when the mail server answers", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sending", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == triage && c.Text.Contains($"answer to the customer, queued for {Dana}", StringComparison.Ordinal)));
        Assert.DoesNotContain(Thread(app, triage), c => c.Text.Contains("answered the customer", StringComparison.Ordinal) || c.Text.Contains("Mailed", StringComparison.Ordinal));
        var health = await MailHealthAsync(app);
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Contains($"127.0.0.1:{port} did not take the last mail", health["description"]!.GetValue<string>(), StringComparison.Ordinal);

        using var smtp = new SmtpSink(port);
        Assert.True(await app.AdvanceUntilAsync(() => smtp.Mails.Any(m => (m.TextBody ?? "").Contains("Please try the 5.2 build.", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10)));
        var mailed = Assert.Single(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == triage && c.Text.Contains($"Mailed to {Dana}", StringComparison.Ordinal)));
        Assert.Contains("Please try the 5.2 build.", mailed.Text, StringComparison.Ordinal);
        Assert.True(await MailHealthIsAsync(app, "Healthy"));
    }

    [Fact]
    public async Task Mail_given_up_while_the_server_did_not_answer_goes_out_once_it_answers_again()
    {
        var port = FreePort.Next();
        var app = Start(port, new() { ["Outbox:MaxAttempts"] = "2" });
        var triage = await TicketFromDanaAsync(app, _imap);
        Assert.True(await app.AdvanceUntilAsync(() => app.Get<OutboxStore>().FailedMessages().Any(m => m.Cause == OutboxCauses.MailServer),
            TimeSpan.FromSeconds(2)));
        var notice = Assert.Single(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == triage && c.Text.Contains("Not delivered", StringComparison.Ordinal)));
        Assert.Contains($"127.0.0.1:{port} did not answer", notice.Text, StringComparison.Ordinal);
        Assert.Contains("it is sent as soon as the mail server takes mail again", notice.Text, StringComparison.Ordinal);

        // nothing else is queued: the bot asks the server itself whether it answers again
        using var smtp = new SmtpSink(port);
        Assert.True(await app.AdvanceUntilAsync(() => smtp.Mails.Count > 0, TimeSpan.FromSeconds(30)));
        Assert.Contains("[#1]", smtp.Mails[0].Subject, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => app.Get<OutboxStore>().CountFailed() == 0 && app.Get<OutboxStore>().CountPending() == 0));
        Assert.True(await MailHealthIsAsync(app, "Healthy"));
    }

    [Fact]
    public async Task A_bounce_of_the_bots_own_mail_is_told_on_its_ticket_and_a_strangers_bounce_is_dropped()
    {
        var app = Start();
        var triage = await TicketFromDanaAsync(app, _imap);
        var ack = Assert.Single(await _smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));

        _imap.Deliver(
            Mails.Bounce(Dana, ack.MessageId!, ack.Subject!),
            Mails.Bounce("lee@elsewhere.test", "someone-else@elsewhere.test", "Hello", diagnostic: "550 5.1.1 No such user"));

        var told = Assert.Single(await app.Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == triage && c.Text.Contains("bounced", StringComparison.Ordinal)));
        Assert.Contains($"Mail for #1 to {Dana} bounced: the address does not exist", told.Text, StringComparison.Ordinal);
        Assert.Contains("5.1.1: 550 5.1.1 &lt;dana@customer.test&gt;: Recipient address rejected: User unknown", told.Text, StringComparison.Ordinal);
        Assert.Contains("The customer did not get it.", told.Text, StringComparison.Ordinal);
        var ticket = app.Get<TicketStore>().Find(1)!;
        Assert.Contains(ticket.History, h => h.ActorId is null && h.What.StartsWith($"Mail to {Dana} bounced", StringComparison.Ordinal));
        Assert.Equal(0, ticket.Conversation.CustomerReplies);

        // the stranger's bounce (the third mail) is read past without a ticket or a word
        Assert.True(await Eventually.TrueAsync(() => ReadUpTo(app, 3)), "the mailbox was not read to its last mail");
        Assert.Equal(1, app.Get<TicketStore>().Count());
        Assert.DoesNotContain(app.Slack.Find("chat.postMessage"), c => c.Text.Contains("lee@elsewhere.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_imap_password_makes_health_degraded_naming_the_mailbox_without_the_password()
    {
        var app = Start(more: new() { ["Email:Mailboxes:0:Password"] = "not-the-password" });
        // dovecot answers each refused login seconds late, three of them on the first try
        Assert.True(await Eventually.TrueAsync(() => MailHealthAsync(app).GetAwaiter().GetResult()["status"]!.GetValue<string>() == "Degraded", 90_000));
        var description = (await MailHealthAsync(app))["description"]!.GetValue<string>();
        Assert.Contains($"mailbox support ({Dovecot.User} at 127.0.0.1:{_imap.Port}): the server refuses the login as {Dovecot.User}", description, StringComparison.Ordinal);
        Assert.Contains("Authentication failed", description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", description, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains("not-the-password", StringComparison.Ordinal));
    }

    private static bool ReadUpTo(SupportBotApp app, uint uid) => app.Get<SupportBot.LiteDb.StoreGate>().Read(db =>
        db.GetCollection<MailboxCursor>(SupportBot.LiteDb.LiteMailboxCursorRows.Collection).FindAll().Any(c => c.LastUid >= uid));

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
            app.DeleteDatabase();
        }
        _smtp.Dispose();
        _imap.Dispose();
    }
}
