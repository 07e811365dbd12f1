using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets.Resolution;

/// <summary>
/// Seed step 9: solving records how, with the link each path needs, and tells the customer what they may hear.
/// One app for all: each test solves a ticket of its own and reads only the messages about it.
/// </summary>
public sealed class ResolutionPathTests(SharedApp shared) : SharedAppTest(shared)
{
    private const string Issue = "https://github.com/acme/tracker/issues/101";

    private async Task<int> TakenTicketAsync()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/take", N(number));
        return number;
    }

    [Theory]
    [InlineData("confirmed", ResolutionPath.Confirmed, null)]
    [InlineData("workaround " + Issue, ResolutionPath.Workaround, Issue)]
    [InlineData("no-reply", ResolutionPath.NoReply, null)]
    [InlineData("defect " + Issue, ResolutionPath.Defect, Issue)]
    [InlineData("feature <" + Issue + "|tracker#101>", ResolutionPath.Feature, Issue)]
    [InlineData("security https://github.com/acme/security/issues/7", ResolutionPath.Security, "https://github.com/acme/security/issues/7")]
    [InlineData("unreachable", ResolutionPath.Unreachable, null)]
    public async Task Each_path_is_recorded_with_its_link_and_who_solved(string words, ResolutionPath path, string? link)
    {
        var number = await TakenTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved {words}");

        Assert.Contains("now *Solved*", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal(TicketStatus.Solved, ticket.Status);
        Assert.Equal(path, ticket.Resolution!.Path);
        Assert.Equal(link, ticket.Resolution.Link);
        Assert.Equal(TestSettings.Engineer, ticket.Resolution.SolvedBy);
        var view = (await CommandAsync("/status", N(number))).Text;
        Assert.Contains($"Resolution: *{words.Split(' ')[0]}*", view, StringComparison.Ordinal);
        Assert.Contains($"solved by <@{TestSettings.Engineer}>", view, StringComparison.Ordinal);
        if (link is not null)
            Assert.Contains(link, view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_paths_share_their_link_in_the_customers_thread()
    {
        var number = await TakenTicketAsync();

        await CommandAsync("/status", $"{number} solved workaround {Issue} restart the indexer");

        var told = Assert.Single(await CustomerThreadAsync(number, "as solved"));
        Assert.Contains(Issue, told.Text, StringComparison.Ordinal);
        Assert.Contains("reply in this thread", told.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feature", "feature request")]
    [InlineData("workaround", "defect")]
    [InlineData("defect", "defect")]
    [InlineData("security", "security issue link")]
    public async Task A_path_without_its_link_is_refused_naming_the_link(string path, string names)
    {
        var number = await TakenTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved {path}");

        Assert.Contains("link", answer.Text, StringComparison.Ordinal);
        Assert.Contains(names, answer.Text, StringComparison.Ordinal);
        Assert.NotEqual(TicketStatus.Solved, Ticket(number).Status);
        Assert.Null(Ticket(number).Resolution);
    }

    [Theory]
    [InlineData("feature http://")]
    [InlineData("defect ftp://example.com/issue/1")]
    [InlineData("workaround https://exa mple")]
    [InlineData("confirmed https://localhost")]
    public async Task A_malformed_link_is_refused(string words)
    {
        var number = await TakenTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved {words}");

        Assert.Contains("not a valid link", answer.Text, StringComparison.Ordinal);
        Assert.NotEqual(TicketStatus.Solved, Ticket(number).Status);
    }

    [Fact]
    public async Task An_unknown_path_is_refused_with_the_paths()
    {
        var number = await TakenTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved fixed it");

        Assert.Contains("`fixed` is not a resolution path", answer.Text, StringComparison.Ordinal);
        Assert.Contains("confirmed|workaround <url>|no-reply", answer.Text, StringComparison.Ordinal);
        Assert.NotEqual(TicketStatus.Solved, Ticket(number).Status);
    }

    [Theory]
    [InlineData("no-reply", "stopped replying")]
    [InlineData("unreachable", "stopped responding")]
    public async Task A_customer_who_went_quiet_is_news_for_the_ce(string path, string why)
    {
        var number = await TakenTicketAsync();

        await CommandAsync("/status", $"{number} solved {path}");

        var dm = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Ce && c.Text.Contains("Heads-up", StringComparison.Ordinal) && Names(c.Text, number)));
        Assert.Contains($"#{number}", dm.Text, StringComparison.Ordinal);
        Assert.Contains(why, dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_hold_records_the_defect_link_and_a_later_defect_solve_uses_it()
    {
        var number = await TakenTicketAsync();

        var held = await CommandAsync("/status", $"{number} on-hold {Issue} engineering is on it");
        Assert.Contains("Defect link recorded", held.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.OnHold, Ticket(number).Status);
        Assert.Contains($"Defect link: {Issue}", (await CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);

        await CommandAsync("/status", $"{number} solved defect");

        var ticket = Ticket(number);
        Assert.Equal(TicketStatus.Solved, ticket.Status);
        Assert.Equal(ResolutionPath.Defect, ticket.Resolution!.Path);
        Assert.Equal(Issue, ticket.Resolution.Link);
        Assert.Contains(Issue, Assert.Single(await CustomerThreadAsync(number, "as solved")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solving_keeps_reopen_on_a_customer_reply_and_the_auto_close()
    {
        var number = await TakenTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");
        Assert.NotNull(Ticket(number).SolvedAt);

        var again = await CommandAsync("/status", $"{number} solved confirmed");

        Assert.Contains("already Solved", again.Text, StringComparison.Ordinal);
        Assert.Contains("now *Open*", (await CommandAsync("/status", $"{number} open")).Text, StringComparison.Ordinal);
    }
}
