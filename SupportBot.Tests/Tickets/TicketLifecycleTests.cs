using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets;

/// <summary>All 36 from → to pairs: nothing back to New, Closed final, Solved reopens or closes, Closed only via Solved.</summary>
public sealed class TicketLifecycleTests
{
    private const TicketStatus New = TicketStatus.New, Open = TicketStatus.Open, Pending = TicketStatus.Pending,
        OnHold = TicketStatus.OnHold, Solved = TicketStatus.Solved, Closed = TicketStatus.Closed;

    public static TheoryData<TicketStatus, TicketStatus, bool> Pairs => new()
    {
        { New, New, false }, { New, Open, true }, { New, Pending, true }, { New, OnHold, true }, { New, Solved, true }, { New, Closed, false },
        { Open, New, false }, { Open, Open, false }, { Open, Pending, true }, { Open, OnHold, true }, { Open, Solved, true }, { Open, Closed, false },
        { Pending, New, false }, { Pending, Open, true }, { Pending, Pending, false }, { Pending, OnHold, true }, { Pending, Solved, true }, { Pending, Closed, false },
        { OnHold, New, false }, { OnHold, Open, true }, { OnHold, Pending, true }, { OnHold, OnHold, false }, { OnHold, Solved, true }, { OnHold, Closed, false },
        { Solved, New, false }, { Solved, Open, true }, { Solved, Pending, false }, { Solved, OnHold, false }, { Solved, Solved, false }, { Solved, Closed, true },
        { Closed, New, false }, { Closed, Open, false }, { Closed, Pending, false }, { Closed, OnHold, false }, { Closed, Solved, false }, { Closed, Closed, false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Lifecycle_allows_exactly_the_workflows_changes(TicketStatus from, TicketStatus to, bool allowed)
    {
        Assert.Equal(allowed, TicketLifecycle.CanChange(from, to));
        Assert.Equal(allowed, TicketLifecycle.Refusal(from, to) is null);
        Assert.Equal(allowed, TicketLifecycle.Allowed(from).Contains(to));
    }

    [Fact]
    public void The_table_covers_every_pair() =>
        Assert.Equal(Enum.GetValues<TicketStatus>().Length * Enum.GetValues<TicketStatus>().Length, Pairs.Count);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_refusal_explains_itself(TicketStatus from, TicketStatus to, bool allowed)
    {
        if (!allowed)
            Assert.False(string.IsNullOrWhiteSpace(TicketLifecycle.Refusal(from, to)));
    }

    [Theory]
    [InlineData("open", TicketStatus.Open)]
    [InlineData("OPEN", TicketStatus.Open)]
    [InlineData("pending", TicketStatus.Pending)]
    [InlineData("hold", TicketStatus.OnHold)]
    [InlineData("on-hold", TicketStatus.OnHold)]
    [InlineData("on hold", TicketStatus.OnHold)]
    [InlineData("On_Hold", TicketStatus.OnHold)]
    [InlineData("Solved", TicketStatus.Solved)]
    [InlineData("closed", TicketStatus.Closed)]
    [InlineData("new", TicketStatus.New)]
    [InlineData("done", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Status_words_parse_in_any_case(string? word, TicketStatus? expected) =>
        Assert.Equal(expected, TicketStatusNames.Parse(word));

    [Fact]
    public void On_hold_displays_with_a_hyphen() => Assert.Equal("On-hold", TicketStatus.OnHold.Display());
}
