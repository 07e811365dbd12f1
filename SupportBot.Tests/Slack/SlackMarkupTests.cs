using SupportBot.Slack;

namespace SupportBot.Tests.Slack;

/// <summary>Slack's escaped forms (should_escape: true) and plain ids both read as the same user, channel or link.</summary>
public sealed class SlackMarkupTests
{
    [Theory]
    [InlineData("<@U123ABC|alice>", "U123ABC")]
    [InlineData("<@U123ABC>", "U123ABC")]
    [InlineData("@U123ABC", "U123ABC")]
    [InlineData("U123ABC", "U123ABC")]
    [InlineData("<@W0GRID1|bob>", "W0GRID1")]
    public void Users_read_in_every_form(string word, string id)
    {
        Assert.True(SlackMarkup.TryUser(word, out var user));
        Assert.Equal(id, user);
    }

    [Theory]
    [InlineData("@alice")]
    [InlineData("<#C123ABC|general>")]
    [InlineData("")]
    [InlineData("12")]
    public void Things_that_are_not_users_are_refused(string word) => Assert.False(SlackMarkup.TryUser(word, out _));

    [Theory]
    [InlineData("<@U123ABC|alice>", "U123ABC", "alice")]
    [InlineData("<@W123ABC>", "W123ABC", null)]
    [InlineData("U123ABC", "U123ABC", null)]
    [InlineData("<@U123|>", "U123", null)]
    public void Mentions_keep_the_name_slack_sent(string word, string id, string? name)
    {
        var mention = SlackMarkup.Mention(word);

        Assert.Equal(new SlackMarkup.UserMention(id, name), mention);
    }

    [Theory]
    [InlineData("@alice")]
    [InlineData("<#C123|general>")]
    [InlineData("<@>")]
    [InlineData("<@u123>")]
    [InlineData("<https://example.com|x>")]
    [InlineData("")]
    public void Anything_else_is_not_a_mention(string word) => Assert.Null(SlackMarkup.Mention(word));

    [Theory]
    [InlineData("<#C123ABC|customer-acme>", "C123ABC")]
    [InlineData("<#G0PRIV1>", "G0PRIV1")]
    [InlineData("C123ABC", "C123ABC")]
    public void Channels_read_in_every_form(string word, string id)
    {
        Assert.True(SlackMarkup.TryChannel(word, out var channel));
        Assert.Equal(id, channel);
    }

    [Theory]
    [InlineData("#customer-support")]
    [InlineData("<@U123ABC|alice>")]
    public void Channel_names_are_not_channel_ids(string word) => Assert.False(SlackMarkup.TryChannel(word, out _));

    [Theory]
    [InlineData("<https://status.example.com/incidents/7|incident 7>", "https://status.example.com/incidents/7")]
    [InlineData("<https://example.com/a?b=1&amp;c=2>", "https://example.com/a?b=1&c=2")]
    [InlineData("https://example.com/plain", "https://example.com/plain")]
    public void Links_read_in_every_form(string word, string url)
    {
        Assert.True(SlackMarkup.TryLink(word, out var link));
        Assert.Equal(url, link!.ToString());
    }

    [Theory]
    [InlineData("<mailto:a@b.test|a@b.test>")]
    [InlineData("<ftp://example.com/file>")]
    [InlineData("not a link")]
    public void Only_web_links_count(string word) => Assert.False(SlackMarkup.TryLink(word, out _));

    [Theory]
    [InlineData("ping <@U123|alice> in <#C456|acme-support>", "ping @alice in #acme-support")]
    [InlineData("see <https://x.test/log|the log> and <https://x.test/raw>", "see the log (https://x.test/log) and https://x.test/raw")]
    [InlineData("a &lt;b&gt; &amp;&amp; c", "a <b> && c")]
    [InlineData("&amp;lt; stays written out", "&lt; stays written out")]
    [InlineData("<!here> <!subteam^S123|@support> <!channel>", "@here @support @channel")]
    [InlineData("<@U123> without a name", "@U123 without a name")]
    [InlineData("<mailto:a@b.test|a@b.test>", "a@b.test (mailto:a@b.test)")]
    [InlineData("text with <error 42> as sent", "text with <error 42> as sent")]
    public void Readable_text_is_what_a_person_saw(string markup, string readable) =>
        Assert.Equal(readable, SlackMarkup.Readable(markup));
}
