using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>With should_escape on, Slack sends users, channels and links as markup; a status note reads as written.</summary>
public sealed class EscapedFormsTests : AppTest
{
    [Fact]
    public async Task A_status_note_with_escaped_user_channel_and_link_is_kept_readable()
    {
        var number = await App.CreateTicketAsync();

        var answer = await CommandAsync("/status",
            $"{N(number)} pending waiting on <@U_CUST1|carol> in <#C_ACME|acme-support>, see <https://logs.test/7|the log> &amp; retry");

        Assert.Contains("is now *Pending*", answer.Text, StringComparison.Ordinal);
        var entry = Ticket(number).History[^1].What;
        Assert.Equal("New → Pending: waiting on @carol in #acme-support, see the log (https://logs.test/7) & retry", entry);
        var shown = await CommandAsync("/status", N(number));
        Assert.Contains("waiting on @carol in #acme-support, see the log (https://logs.test/7) &amp; retry", shown.Text, StringComparison.Ordinal);
    }
}
