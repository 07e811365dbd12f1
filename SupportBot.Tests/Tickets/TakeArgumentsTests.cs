using SupportBot.Tickets.Take;

namespace SupportBot.Tests.Tickets;

public sealed class TakeArgumentsTests
{
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
