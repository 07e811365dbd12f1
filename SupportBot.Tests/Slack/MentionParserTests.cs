using SupportBot.Slack;
using SupportBot.Tickets.Take;

namespace SupportBot.Tests.Slack;

public sealed class MentionParserTests
{
    [Theory]
    [InlineData("<@U123ABC|alice>", "U123ABC", "alice")]
    [InlineData("<@W123ABC>", "W123ABC", null)]
    [InlineData("U123ABC", "U123ABC", null)]
    [InlineData("<@U123|>", "U123", null)]
    public void Users_are_read_from_escaped_mentions_and_plain_ids(string word, string id, string? name)
    {
        var mention = MentionParser.User(word);

        Assert.Equal(new MentionParser.UserMention(id, name), mention);
    }

    [Theory]
    [InlineData("@alice")]
    [InlineData("<#C123|general>")]
    [InlineData("<@>")]
    [InlineData("<@u123>")]
    [InlineData("<https://example.com|x>")]
    [InlineData("")]
    public void Anything_else_is_not_a_user(string word) => Assert.Null(MentionParser.User(word));

    [Fact]
    public void A_hand_off_reads_numbers_before_the_mention_and_the_note_after_it()
    {
        var args = TakeArguments.Parse("#12, 15 <@U2|bob> customer is in Europe <@U3> knows more");

        Assert.Equal([12, 15], args.Numbers);
        Assert.Equal("U2", args.HandTo?.Id);
        Assert.Equal("customer is in Europe <@U3> knows more", args.Note);
        Assert.Null(args.Unknown);
    }

    [Fact]
    public void Plain_takes_parse_as_before()
    {
        var args = TakeArguments.Parse("12 force");

        Assert.Equal([12], args.Numbers);
        Assert.True(args.Force);
        Assert.Null(args.HandTo);
    }
}
