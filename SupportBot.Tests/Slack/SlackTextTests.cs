using SupportBot.Slack;

namespace SupportBot.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> please look", "&lt;!channel&gt; please look")]
    [InlineData("<@U123> and <#C1|general>", "&lt;@U123&gt; and &lt;#C1|general&gt;")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    [InlineData("&lt; already", "&amp;lt; already")]
    [InlineData("<https://evil.example|click me>", "&lt;https://evil.example|click me&gt;")]
    [InlineData("plain *bold* _it_ ünïcödé 🎉", "plain *bold* _it_ ünïcödé 🎉")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_neutralises_mrkdwn_control_characters(string? input, string expected) =>
        Assert.Equal(expected, SlackText.Escape(input));

    [Fact]
    public void Mentions_and_links_are_built_in_slacks_syntax()
    {
        Assert.Equal("<@U1>", SlackText.User("U1"));
        Assert.Equal("<#C1>", SlackText.Channel("C1"));
        Assert.Equal("<https://x.test/a|a &lt;b&gt;>", SlackText.Link("https://x.test/a", "a <b>"));
    }

    [Theory]
    [InlineData("  first line \nsecond", 120, "first line")]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData(null, 10, "")]
    public void FirstLine_takes_the_first_line_and_cuts_it(string? text, int max, string expected) =>
        Assert.Equal(expected, SlackText.FirstLine(text, max));
}
