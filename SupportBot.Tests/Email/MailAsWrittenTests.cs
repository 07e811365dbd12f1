using SupportBot.Email;
using SupportBot.Tests.Dashboard;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Email;

/// <summary>
/// Mail as customers' clients write it (the .eml fixtures), read by the app from a real dovecot: the triage thread
/// mirrors a reply's new words only, the ticket and its dashboard page keep everything, HTML reads as text, every
/// charset is decoded, inline images are listed, and auto-replies known by their subject change nothing.
/// </summary>
public sealed class MailAsWrittenTests() : MailAppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    private TicketStore Tickets => App.Get<TicketStore>();

    private async Task<Ticket> OpenTicketAsync()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "The CSV export times out."));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)?.TriageTs is not null));
        return Tickets.Find(1)!;
    }

    private async Task<string> MirroredAsync(string words)
    {
        var posts = await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains(words, StringComparison.Ordinal));
        return Assert.Single(posts).Text;
    }

    [Fact]
    public async Task Replies_from_Gmail_Outlook_Apple_Mail_and_Exchange_are_mirrored_without_their_quotes_and_signatures()
    {
        await OpenTicketAsync();
        Imap.Deliver(MailFixtures.Load("gmail-reply.eml"), MailFixtures.Load("outlook-desktop-de.eml"), MailFixtures.Load("outlook-web-en.eml"),
            MailFixtures.Load("apple-mail.eml"), MailFixtures.Load("exchange-original-message.eml"), MailFixtures.Load("gmail-only-quote.eml"));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1)!.Conversation.CustomerReplies == 6));

        var gmail = await MirroredAsync("It fails at 10:02 on every run");
        var german = await MirroredAsync("der Export bricht weiterhin ab");
        var web = await MirroredAsync("The export still fails");
        var apple = await MirroredAsync("The screenshot shows the error");
        var exchange = await MirroredAsync("the 5.2 build exports fine");
        var onlyQuote = await MirroredAsync("no new text");
        foreach (var mirror in new[] { gmail, german, web, apple, exchange, onlyQuote })
        {
            Assert.DoesNotContain("We received your request", mirror, StringComparison.Ordinal);
            Assert.DoesNotContain("Please try the 5.2 build", mirror, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Head of Data", gmail, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen", german, StringComparison.Ordinal);
        Assert.DoesNotContain("Gesendet", german, StringComparison.Ordinal);
        Assert.Contains(QuotedHistory.OnlyQuoted, onlyQuote, StringComparison.Ordinal);

        // the ticket keeps what the customer sent, quote and signature included, and its dashboard page shows it
        var entries = Tickets.Find(1)!.Conversation.Entries;
        Assert.Contains(entries, e => e.Text.Contains("Head of Data", StringComparison.Ordinal) && e.Text.Contains("We received your request", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Text.Contains("Gesendet: Donnerstag, 3. Dezember 2026 10:00", StringComparison.Ordinal));
        var (_, page) = await (await App.SignedInAsync()).PageAsync("/tickets/1");
        Assert.Contains("Head of Data, Customer Corp", page, StringComparison.Ordinal);
        Assert.Contains("Gesendet: Donnerstag", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_only_mail_keeps_its_links_table_cells_and_list_and_its_quote_is_cut_in_the_mirror()
    {
        await OpenTicketAsync();
        Imap.Deliver(MailFixtures.Load("outlook-web-en.eml"));
        var mirror = await MirroredAsync("The export still fails");

        var reply = Assert.Single(Tickets.Find(1)!.Conversation.Entries);
        Assert.Equal("""
            The export still fails, see the last run (https://status.customer.test/runs/42) and https://status.customer.test/.

            Build | Result
            5.1 | timeout after 180 s
            • first with 10 rows
            • then with 10000 rows
            """.ReplaceLineEndings("\n"), reply.NewText);
        Assert.Contains("From: Acme Support <support@acme.test>\nSent: Thursday, December 3, 2026 10:00 AM", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", reply.Text, StringComparison.Ordinal);
        Assert.Contains("5.1 | timeout after 180 s", mirror, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent: Thursday", mirror, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iso_2022_jp_mail_is_decoded_in_the_ticket_the_card_the_thread_and_the_acknowledgement()
    {
        Imap.Deliver(MailFixtures.Load("iso-2022-jp.eml"));
        Assert.True(await Eventually.TrueAsync(() => Tickets.Find(1) is not null));

        var ticket = Tickets.Find(1)!;
        Assert.Equal(("エクスポートが失敗します", "山田 太郎"), (ticket.Subject, ticket.RequesterName));
        Assert.Equal("CSVのエクスポートが3分後にタイムアウトします。\nよろしくお願いします。", ticket.Description);
        var ack = Assert.Single(await Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("[#1]", StringComparison.Ordinal)));
        Assert.Equal("Re: [#1] エクスポートが失敗します", ack.Subject);
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("エクスポートが失敗します", StringComparison.Ordinal)));
        Assert.NotEmpty(await App.Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("タイムアウトします", StringComparison.Ordinal)));
        Assert.DoesNotContain(App.Slack.Find("chat.postMessage", _ => true), c => c.Text.Contains('\u001b', StringComparison.Ordinal) || c.Text.Contains("$B", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_apple_mail_inline_screenshot_is_listed_by_name_and_size()
    {
        await OpenTicketAsync();
        Imap.Deliver(MailFixtures.Load("apple-mail.eml"));
        var mirror = await MirroredAsync("The screenshot shows the error");

        Assert.Contains("Screenshot 2026-12-03 at 10.01.12.png (3 KB, inline)", mirror, StringComparison.Ordinal);
        Assert.Contains("Screenshot 2026-12-03 at 10.01.12.png (3 KB, inline)", Assert.Single(Tickets.Find(1)!.Conversation.Entries).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_replies_known_by_their_subject_neither_open_nor_reopen_nor_get_answered()
    {
        await OpenTicketAsync();
        await App.Requests.CommandAsync("/status", "1 pending", TestSettings.Engineer, TestSettings.SupportChannel);
        Imap.Deliver(MailFixtures.Load("exchange-automatic-reply.eml"), MailFixtures.Load("outlook-abwesenheitsnotiz.eml"),
            MailFixtures.Load("japanese-auto-reply.eml"),
            Mails.From("lee@customer.test", "Re: Out of Office: replies loop", "Our Out of Office: replies loop with your bot."),
            Mails.From("kim@customer.test", "Auto renewal failed", "The renewal failed."));

        Assert.True(await Eventually.TrueAsync(() => Tickets.Count() == 3));
        Assert.True(await Eventually.TrueAsync(() => ReadUpTo(6)), "the mailbox was not read to its last mail");
        var first = Tickets.Find(1)!;
        Assert.Equal((TicketStatus.Pending, 0), (first.Status, first.Conversation.CustomerReplies));
        Assert.Equal(["Re: Out of Office: replies loop", "Auto renewal failed"], [Tickets.Find(2)!.Subject, Tickets.Find(3)!.Subject]);
        var acks = await Smtp.WaitForAsync(_ => true, count: 3);
        Assert.Equal(["dana@customer.test", "kim@customer.test", "lee@customer.test"], acks.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_acknowledgement_is_auto_replied_the_bots_other_mail_auto_generated_and_an_engineers_answer_neither()
    {
        await OpenTicketAsync();
        await App.Requests.CommandAsync("/take", "1", TestSettings.Engineer, TestSettings.SupportChannel);
        await App.Requests.CommandAsync("/status", "1 reply Please try the 5.2 build.", TestSettings.Engineer, TestSettings.SupportChannel);
        var mails = await Smtp.WaitForAsync(_ => true, count: 3);
        Assert.Equal(3, mails.Count);

        var (ack, take, answer) = (mails[0], mails[1], mails[2]); // one lane per customer: sent in the order queued
        Assert.Contains("Please try the 5.2 build.", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal(("auto-replied", "auto-generated", null), (ack.Headers["Auto-Submitted"], take.Headers["Auto-Submitted"], answer.Headers["Auto-Submitted"]));
        Assert.All(mails, m => Assert.Equal("OOF, AutoReply", m.Headers["X-Auto-Response-Suppress"]));
    }

    private bool ReadUpTo(uint uid) => App.Get<SupportBot.LiteDb.StoreGate>().Read(db =>
        db.GetCollection<MailboxCursor>(SupportBot.LiteDb.LiteMailboxCursorRows.Collection).FindAll().Any(c => c.LastUid >= uid));

}
