using SupportBot.Macros;
using SupportBot.Tests.Email;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Macros;

/// <summary>A saved reply to a customer who wrote by mail: mailed in their thread, names in place of mentions.</summary>
public sealed class MacroMailTests : MailAppTest
{
    [Fact]
    public async Task A_saved_reply_is_mailed_with_the_requesters_name_and_sets_its_status()
    {
        Imap.Deliver(Mails.From("dana@customer.test", "Export fails", "It times out."));
        var tickets = App.Get<TicketStore>();
        Assert.True(await Eventually.TrueAsync(() => tickets.Count() == 1));
        App.Get<MacroStore>().Save("logs", "Hi {requester}, this is {engineer} on {ticket}: please send the export logs.", TicketStatus.Pending,
            null, TestSettings.Engineer);

        var answer = await App.CommandAsync("1 macro logs", "mail.1");

        Assert.Contains("is now *Pending*", answer.Text, StringComparison.Ordinal);
        var sent = Assert.Single(await Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("export logs", StringComparison.Ordinal)));
        Assert.Contains("Hi Dana Customer, this is ", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains(" on #1: please send", sent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", sent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", sent.TextBody, StringComparison.Ordinal);
        var ticket = tickets.Find(1)!;
        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
    }
}
