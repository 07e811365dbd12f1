using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

/// <summary>
/// Slack sends what a person typed into a slash command with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped (real
/// mentions and links keep their angle brackets). The bot undoes that where the text comes in, so what it stores is
/// what was typed and what it posts is escaped exactly once.
/// </summary>
public sealed class CommandTextEscapingTests : AppTest
{
    [Fact]
    public async Task A_hand_off_note_is_stored_as_typed_and_escaped_once_in_the_new_holders_dm()
    {
        var number = await App.CreateTicketAsync("Escapes in a hand-off");
        await CommandAsync("/take", N(number), TestSettings.Engineer2);

        await CommandAsync("/take", $"{N(number)} <@{TestSettings.Engineer}> logs &amp; traces &lt;attached&gt;", TestSettings.Engineer2);

        Assert.Contains(Ticket(number).History, h => h.What.EndsWith(": logs & traces <attached>", StringComparison.Ordinal));
        var dm = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer));
        Assert.Contains("> logs &amp; traces &lt;attached&gt;", dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_note_is_stored_as_typed_and_shown_escaped_once()
    {
        var number = await App.CreateTicketAsync("Escapes in a note");

        await CommandAsync("/status", $"{N(number)} note R&amp;D says &lt;b&gt; is fine");
        var shown = await CommandAsync("/status", N(number));

        Assert.Equal("R&D says <b> is fine", Assert.Single(Ticket(number).Notes).Text);
        Assert.Contains("R&amp;D says &lt;b&gt; is fine", shown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", shown.Body, StringComparison.Ordinal);
    }
}
