using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Email;

/// <summary>Mail to support@ against a real dovecot (IMAP) and a real SMTP server.</summary>
public sealed class EmailIntakeTests() : MailAppTest()
{
    private TicketStore Tickets => App.Get<TicketStore>();

    private bool ReadUpTo(uint uid) => App.Get<SupportBot.LiteDb.StoreGate>().Read(db =>
        db.GetCollection<SupportBot.Email.MailboxCursor>(SupportBot.LiteDb.LiteMailboxCursorRows.Collection).FindAll().Any(c => c.LastUid >= uid));

    private Task<bool> TicketsAsync(int count, int timeoutMs = 30_000) => Eventually.TrueAsync(() => Tickets.Count() >= count, timeoutMs);

    [Fact]
    public async Task A_new_mail_becomes_a_ticket_acknowledged_by_mail_with_its_number()
    {
        var mail = Mails.WithAttachment(Mails.From("dana@customer.test", "Export fails", "The CSV export times out."), "trace.log", 2048);
        Imap.Deliver(mail);

        Assert.True(await TicketsAsync(1));
        var ticket = Tickets.Find(1)!;
        Assert.Equal((TicketSource.Email, ConversationKind.Email, "Export fails"), (ticket.Source, ticket.Talks, ticket.Subject));
        Assert.Equal(("dana@customer.test", "Dana Customer"), (ticket.RequesterId, ticket.RequesterName));
        Assert.Contains("The CSV export times out.", ticket.Description, StringComparison.Ordinal);
        Assert.Contains("trace.log (2 KB)", ticket.Description, StringComparison.Ordinal);

        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        Assert.Equal("dana@customer.test", ack.To.Mailboxes.Single().Address);
        Assert.Equal(mail.MessageId, ack.InReplyTo);
        var card = await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("The CSV export times out.", StringComparison.Ordinal));
        Assert.NotEmpty(card);
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgement_joins_the_ticket_and_reopens_it()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        await App.Requests.CommandAsync("/status", "1 pending", TestSettings.Engineer, TestSettings.SupportChannel);

        Imap.Deliver(Mails.From("dana@customer.test", "Re: " + ack.Subject, "Here is the log you asked for.", inReplyTo: ack.MessageId));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)!.Conversation.CustomerReplies == 1));
        Assert.Equal(TicketStatus.Open, Tickets.Find(1)!.Status);
        Assert.Equal(1, Tickets.Count());
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("Here is the log you asked for.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_ticket_number_in_the_subject_joins_that_ticket()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        Assert.True(await TicketsAsync(1));
        Imap.Deliver(Mails.From("dana@customer.test", "More on [#1]", "Also on Tuesdays."));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)!.Conversation.CustomerReplies == 1));
        Assert.Equal(1, Tickets.Count());
    }

    [Fact]
    public async Task Auto_replies_bounces_list_mail_and_the_bots_own_mail_are_not_tickets()
    {
        Imap.Deliver(
            Mails.With(Mails.From("away@customer.test", "Out of office", "Back Monday"), "Auto-Submitted", "auto-replied"),
            Mails.With(Mails.From("news@list.test", "Newsletter", "News"), "List-Id", "<news.list.test>"),
            Mails.With(Mails.From("bulk@customer.test", "Promo", "Buy"), "Precedence", "bulk"),
            Mails.With(Mails.From("bounce@customer.test", "Undeliverable", "No such user"), "Return-Path", "<>"),
            Mails.From("support@acme.test", "Loop", "The bot's own mail"),
            Mails.From("real@customer.test", "A real request", "Please help"));

        Assert.True(await TicketsAsync(1));
        // a mail's ticket commits before the cursor passes it: once past the sixth, no other ticket is coming
        Assert.True(await Eventually.TrueAsync(() => ReadUpTo(6)), "the mailbox was not read to its last mail");
        Assert.Equal(1, Tickets.Count());
        Assert.Equal("A real request", Tickets.Find(1)!.Subject);
    }

    [Fact]
    public async Task An_html_only_mail_is_made_readable()
    {
        Imap.Deliver(Mails.Html("dana@customer.test", "HTML", "<html><head><style>p{}</style></head><body><p>Hello&nbsp;team</p><p>Line <b>two</b></p></body></html>"));
        Assert.True(await TicketsAsync(1));
        Assert.Equal("Hello\u00a0team\nLine two", Tickets.Find(1)!.Description);
    }

    [Fact]
    public async Task Status_reply_mails_the_customer_in_their_thread_and_counts_as_the_first_response()
    {
        var mail = Mails.From("dana@customer.test", "Export fails", "It times out.");
        Imap.Deliver(mail);
        Assert.True(await TicketsAsync(1));
        var answer = await App.Requests.CommandAsync("/status", "1 reply Please try the 5.2 build.", TestSettings.Engineer, TestSettings.SupportChannel);
        Assert.Contains("Your answer on *#1* is queued for dana@customer.test: it is mailed as soon as the mail server takes it", answer.Text, StringComparison.Ordinal);

        var sent = Assert.Single(await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("Please try the 5.2 build.", StringComparison.Ordinal)));
        Assert.Contains("[#1]", sent.Subject, StringComparison.Ordinal);
        Assert.Equal(mail.MessageId, sent.InReplyTo);
        Assert.Contains(mail.MessageId, sent.References);
        var ticket = Tickets.Find(1)!;
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public async Task Take_sends_the_accountability_reply_by_mail()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        Assert.True(await TicketsAsync(1));
        await App.Requests.CommandAsync("/take", "1", TestSettings.Engineer, TestSettings.SupportChannel);
        var mails = await Smtp.WaitForAsync(_ => true, count: 2);
        Assert.Equal(2, mails.Count); // the acknowledgement, then the engineer taking it
        Assert.DoesNotContain("<@", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Empty(App.Slack.Find("chat.postMessage", c => c.Channel == "" || c.Channel == TestSettings.CustomerChannel));
    }

    [Fact]
    public async Task Send_to_customer_mails_an_engineers_triage_thread_message_once_and_refuses_others_messages()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)?.TriageTs is not null));
        var triage = Tickets.Find(1)!.TriageTs!;

        await App.Requests.InteractAsync(SendToCustomer(TestSettings.Engineer, TestSettings.Engineer2, triage, "1700000100.000100", "From eng2"));
        await App.Requests.InteractAsync(SendToCustomer(TestSettings.Engineer, TestSettings.Engineer, triage, "1700000101.000100", "Please try 5.2"));
        await App.Requests.InteractAsync(SendToCustomer(TestSettings.Engineer, TestSettings.Engineer, triage, "1700000101.000100", "Please try 5.2"));

        var sent = await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("Please try 5.2", StringComparison.Ordinal));
        Assert.Single(sent);
        Assert.Contains("[#1]", sent[0].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Mails, m => (m.TextBody ?? "").Contains("From eng2", StringComparison.Ordinal));
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postEphemeral", c => c.Text.Contains("own messages", StringComparison.Ordinal)));
        Assert.NotNull(Tickets.Find(1)!.FirstResponseAt);
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_opens_a_follow_up_in_the_same_mail_thread()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        await App.Requests.CommandAsync("/status", "1 solved confirmed", TestSettings.Engineer, TestSettings.SupportChannel);
        await App.Requests.CommandAsync("/status", "1 closed", TestSettings.Engineer, TestSettings.SupportChannel);
        Assert.Equal(TicketStatus.Closed, Tickets.Find(1)!.Status);

        Imap.Deliver(Mails.From("dana@customer.test", "Re: " + ack.Subject, "It is back.", inReplyTo: ack.MessageId));
        Assert.True(await TicketsAsync(2));
        var followUp = Tickets.Find(2)!;
        Assert.Equal((1, ConversationKind.Email, "dana@customer.test"), (followUp.FollowUpOf, followUp.Talks, followUp.Via!.Address));
        Assert.Equal(TicketStatus.Closed, Tickets.Find(1)!.Status);
        Assert.NotEmpty(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#2]", StringComparison.Ordinal)));
    }

    private static System.Text.Json.Nodes.JsonObject SendToCustomer(string user, string author, string threadTs, string ts, string text) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "send_to_customer",
        ["trigger_id"] = "3.trigger",
        ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = user },
        ["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = TestSettings.SupportChannel },
        ["message_ts"] = ts,
        ["message"] = new System.Text.Json.Nodes.JsonObject { ["ts"] = ts, ["thread_ts"] = threadTs, ["text"] = text, ["user"] = author },
        ["response_url"] = "https://hooks.slack.test/actions/3",
    };

}
