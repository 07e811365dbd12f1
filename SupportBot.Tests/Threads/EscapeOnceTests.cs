using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Threads;

/// <summary>
/// Slack sends message text with &amp;, &lt; and &gt; already escaped; the bot stores what the person wrote and
/// escapes it once where it goes back into Block Kit.
/// </summary>
public sealed class EscapeOnceTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task A_help_post_with_angle_brackets_and_ampersands_is_stored_as_written_and_shown_escaped_once()
    {
        // what Slack sends for a post typed as "a < b && c > d"
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "a &lt; b &amp;&amp; c &gt; d"));
        await _app.WaitForTicketCountAsync(1);

        var card = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel);

        Assert.Equal("a < b && c > d", _app.Ticket(1).Subject);
        Assert.Equal("a < b && c > d", _app.Ticket(1).Description);
        var text = Assert.Single(card).Text;
        Assert.Contains("a &lt; b &amp;&amp; c &gt; d", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;lt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", text, StringComparison.Ordinal);
    }
}
