using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Email;

/// <summary>
/// A customer's colleagues on the mail thread: copied on every answer, their reply-all joins the ticket, and the
/// sender's domain names the customer. Real dovecot and a real SMTP server.
/// </summary>
public sealed class EmailParticipantsTests() : MailAppTest(CustomerIncByDomain)
{
    /// <summary>A second customer known only by its mail domain (written in capitals: matching ignores case).</summary>
    private static readonly Dictionary<string, string?> CustomerIncByDomain = new()
    {
        ["Customers:1:Name"] = "Customer Inc", ["Customers:1:Tier"] = "Growth", ["Customers:1:Ce"] = TestSettings.Engineer2,
        ["Customers:1:Domains:0"] = "Customer.TEST",
    };

    private const string Lee = "Lee Colleague <lee@customer.test>";

    private TicketStore Tickets => App.Get<TicketStore>();

    private async Task<MimeKit.MimeMessage> RequestWithLeeAsync()
    {
        var request = ParticipantMails.GmailWithCc("Export fails", "The CSV export times out.", Lee, "Eng <eng@acme.test>", SmtpSink.From);
        Imap.Deliver(request);
        Assert.True(await Eventually.TrueAsync(() => Tickets.Count() >= 1));
        return request;
    }

    private static string[] Cc(MimeKit.MimeMessage mail) => mail.Cc.Mailboxes.Select(m => m.Address).ToArray();

    [Fact]
    public async Task The_people_in_cc_are_copied_on_the_acknowledgement_and_an_engineers_reply_but_not_the_team_or_the_bot()
    {
        await RequestWithLeeAsync();

        var ticket = Tickets.Find(1)!;
        Assert.Equal(["lee@customer.test"], ticket.Via!.Participants.Select(p => p.Address));
        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        Assert.Equal("dana@customer.test", ack.To.Mailboxes.Single().Address);
        Assert.Equal(["lee@customer.test"], Cc(ack));

        await App.Requests.CommandAsync("/status", "1 reply Please try the 5.2 build.", TestSettings.Engineer, TestSettings.SupportChannel);
        var answer = Assert.Single(await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("5.2 build", StringComparison.Ordinal)));
        Assert.Equal(("dana@customer.test", "Lee Colleague"), (answer.To.Mailboxes.Single().Address, answer.Cc.Mailboxes.Single().Name));
        Assert.Equal(["lee@customer.test"], Cc(answer));
    }

    [Fact]
    public async Task A_colleagues_reply_all_to_the_first_mail_joins_the_ticket_under_their_name_and_copies_in_a_new_colleague()
    {
        var request = await RequestWithLeeAsync();

        // Lee answers Dana's own mail (no answer of the bot yet), and copies in Kim
        Imap.Deliver(ParticipantMails.OutlookReplyAll(Lee, "RE: Export fails", "Same here since Monday.", request.MessageId,
            Dovecot.User, "Dana Customer <dana@customer.test>", "Kim Ops <kim@customer.test>"));

        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)!.Conversation.CustomerReplies == 1));
        Assert.Equal(1, Tickets.Count());
        var ticket = Tickets.Find(1)!;
        Assert.Equal(["lee@customer.test", "kim@customer.test"], ticket.Via!.Participants.Select(p => p.Address));
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postMessage", c => c.Text.StartsWith("*Lee Colleague* (", StringComparison.Ordinal)
            && c.Text.Contains("Same here since Monday.", StringComparison.Ordinal)));

        await App.Requests.CommandAsync("/status", "1 reply Fixed in 5.3.", TestSettings.Engineer, TestSettings.SupportChannel);
        var answer = Assert.Single(await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("Fixed in 5.3.", StringComparison.Ordinal)));
        Assert.Equal(["lee@customer.test", "kim@customer.test"], Cc(answer));
    }

    [Fact]
    public async Task A_colleagues_mail_with_only_the_ticket_number_joins_and_a_strangers_opens_a_new_ticket()
    {
        await RequestWithLeeAsync();
        await App.Requests.CommandAsync("/take", "1", TestSettings.Engineer, TestSettings.SupportChannel);
        await App.Requests.CommandAsync("/status", "1 pending", TestSettings.Engineer, TestSettings.SupportChannel);

        Imap.Deliver(
            ParticipantMails.OutlookReplyAll(Lee, "Export [#1]", "Also on Tuesdays.", null, Dovecot.User),
            ParticipantMails.OutlookReplyAll("Mallory <mallory@elsewhere.test>", "About [#1]", "Let me in.", null, Dovecot.User));

        Assert.True(await Eventually.TrueAsync(() => Tickets.Count() == 2));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)!.Conversation.CustomerReplies == 1));
        Assert.Equal("lee@customer.test", Assert.Single(Tickets.Find(1)!.Conversation.Entries).UserId);
        // the assignee hears who wrote: the colleague, not the requester
        var nudge = await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer && c.Text.Contains("back to *Open*", StringComparison.Ordinal));
        Assert.StartsWith("`lee@customer.test` replied on *#1*", Assert.Single(nudge).Text, StringComparison.Ordinal);
        var stranger = Tickets.Find(2)!;
        Assert.Equal(("mallory@elsewhere.test", "About [#1]"), (stranger.RequesterId, stranger.Subject));
    }

    [Fact]
    public async Task Participants_are_shown_added_and_removed_with_a_slash_command_and_bad_input_gets_help()
    {
        await RequestWithLeeAsync();
        Task<string> Say(string text) => App.Requests.CommandAsync("/status", text, TestSettings.Engineer, TestSettings.SupportChannel)
            .ContinueWith(t => t.Result.Text, TaskScheduler.Default);

        Assert.Contains("• Lee Colleague &lt;lee@customer.test&gt;", await Say("1 participants"), StringComparison.Ordinal);
        Assert.Contains("kim@customer.test is now copied", await Say("1 participants add <mailto:kim@customer.test|kim@customer.test>"), StringComparison.Ordinal);
        Assert.Contains("lee@customer.test is no longer copied", await Say("1 participants remove lee@customer.test"), StringComparison.Ordinal);
        Assert.Contains("is not a mail address", await Say("1 participants add kim@"), StringComparison.Ordinal);
        Assert.Contains("is the requester", await Say("1 participants add dana@customer.test"), StringComparison.Ordinal);
        Assert.Contains("I didn't understand", await Say("1 participants invite kim"), StringComparison.Ordinal);
        var slackTicket = Tickets.Change(set => set.Insert(new Ticket { Subject = "In Slack", ChannelId = TestSettings.CustomerChannel, RequesterId = TestSettings.Customer }).Number);
        Assert.Contains("is not an email ticket", await Say($"{slackTicket} participants"), StringComparison.Ordinal);

        var ticket = Tickets.Find(1)!;
        Assert.Equal(["kim@customer.test"], ticket.Via!.Participants.Select(p => p.Address));
        Assert.Contains(ticket.History, h => h.What == "Participant kim@customer.test added" && h.ActorId == TestSettings.Engineer);
        await App.Requests.CommandAsync("/status", "1 reply Noted.", TestSettings.Engineer, TestSettings.SupportChannel);
        var answer = Assert.Single(await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("Noted.", StringComparison.Ordinal)));
        Assert.Equal(["kim@customer.test"], Cc(answer));
    }

    [Fact]
    public async Task A_refused_copy_does_not_keep_the_answer_from_the_requester()
    {
        Smtp.Refuse("lee@customer.test");
        await RequestWithLeeAsync();

        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        Assert.Equal("dana@customer.test", ack.To.Mailboxes.Single().Address);
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("reached dana@customer.test, but the mail server refused the copy to lee@customer.test (550", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_senders_mail_domain_names_the_customer_subdomains_included()
    {
        Imap.Deliver(Mails.From("ops@eu.customer.test", "Login fails", "Since the upgrade."), Mails.From("who@nowhere.test", "Hello", "Hi"));

        Assert.True(await Eventually.TrueAsync(() => Tickets.Count() == 2));
        var ticket = Tickets.Find(1)!;
        Assert.Equal(("Customer Inc", "Growth", TestSettings.Engineer2), (ticket.CustomerName, ticket.Tier, ticket.CeId));
        Assert.Null(Tickets.Find(2)!.CustomerName);
    }
}
