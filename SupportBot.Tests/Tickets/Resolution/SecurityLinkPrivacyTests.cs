using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets.Resolution;

/// <summary>Path 5b: a security issue's link stays with the team. Nothing the bot writes anywhere carries it.</summary>
public sealed class SecurityLinkPrivacyTests : AppTest
{
    private const string Secret = "https://github.com/acme/security-issues/issues/7";

    [Fact]
    public async Task A_security_link_is_kept_for_the_team_and_never_written_to_slack()
    {
        var number = await App.CreateTicketAsync("Token leak in logs");
        await CommandAsync("/take", N(number));

        await CommandAsync("/status", $"{number} solved security {Secret} reported via HackerOne");

        var told = Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("as solved", StringComparison.Ordinal)));
        Assert.Contains("filed", told.Text, StringComparison.Ordinal);
        await Slack.WaitForAsync("chat.update", c => c.Text.Contains("Solved", StringComparison.Ordinal));
        Assert.Contains(Secret, (await CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);

        // later writes that show the ticket (a similar case taken, a search) must not leak it either
        var later = await App.CreateTicketAsync("Token leak in logs again", "Tokens leak into the logs");
        var take = await CommandAsync("/take", N(later), TestSettings.Engineer2);
        await CommandAsync("/status", "search token leak");
        Assert.DoesNotContain(Secret, take.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("issues/7", take.Text, StringComparison.Ordinal);
        Assert.All(Slack.Calls, c => Assert.DoesNotContain("security-issues", c.Args.ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(ResolutionPath.Security, Ticket(number).Resolution!.Path);
        Assert.DoesNotContain(Ticket(number).History, h => h.What.Contains("security-issues", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_requester_reading_their_ticket_sees_it_solved_but_not_the_link_or_the_note()
    {
        var number = await App.CreateTicketAsync("XSS in the search box");
        await CommandAsync("/status", $"{number} solved security {Secret} internal triage notes");

        var mine = (await CommandAsync("/status", N(number), TestSettings.Customer, TestSettings.CustomerChannel)).Text;

        Assert.Contains("Status: *Solved*", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("security-issues", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("internal triage notes", mine, StringComparison.Ordinal);
    }
}
