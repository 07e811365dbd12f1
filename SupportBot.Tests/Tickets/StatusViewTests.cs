using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary><c>/status</c> and <c>/status N</c>: what an engineer reads.</summary>
public sealed class StatusViewTests : AppTest
{
    [Fact]
    public async Task Bare_status_lists_my_open_tickets_and_the_queue_size_but_not_others()
    {
        await App.CreateTicketAsync("Mine");
        await App.CreateTicketAsync("Theirs");
        await App.CreateTicketAsync("Waiting one");
        await App.CreateTicketAsync("Waiting two");
        await App.CreateTicketAsync("Mine but solved");
        await CommandAsync("/take", "1 5");
        await CommandAsync("/take", "2", TestSettings.Engineer2);
        await CommandAsync("/status", "5 solved confirmed");

        var answer = await CommandAsync("/status", "");

        Assert.Contains("#1* Mine", answer.Text, StringComparison.Ordinal);
        Assert.Contains("New", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mine but solved", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting one", answer.Text, StringComparison.Ordinal);
        Assert.Contains("2 unassigned tickets waiting", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_status_with_nothing_held_still_gives_the_queue()
    {
        await App.CreateTicketAsync("Waiting");

        var answer = await CommandAsync("/status", "");

        Assert.Contains("You hold no open tickets", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1 unassigned ticket waiting", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_one_ticket_shows_everything_about_it()
    {
        var number = await App.CreateTicketAsync("Search times out", "Since the upgrade", "High");
        await CommandAsync("/take", N(number));
        App.Time.Advance(TimeSpan.FromMinutes(3));
        await CommandAsync("/status", $"{number} pending waiting for logs");

        var answer = await CommandAsync("/status", N(number));

        foreach (var expected in new[]
                 {
                     $"#{number} Search times out", "Acme Corp", "Enterprise", "u_cust1", "Priority: High", "Status: *Pending*",
                     "next action: the customer", "Assignee: <@U_ENG1>", "Created: ", "First response: ", "History:",
                     "Took the ticket", "New → Pending: waiting for logs", "Since the upgrade",
                 })
            Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains("(after 3m)", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open", "Open", "us")]
    [InlineData("on-hold", "On-hold", "a third party")]
    [InlineData("solved confirmed", "Solved", "no one")]
    public async Task The_next_action_follows_the_status_table(string word, string status, string nextAction)
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/status", $"{number} {word}");

        var answer = await CommandAsync("/status", N(number));

        Assert.Contains($"Status: *{status}*", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"next action: {nextAction}", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_unassigned_ticket_shows_status_new_and_no_first_response()
    {
        var number = await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", $"#{number}");

        Assert.Contains("Status: *New*", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Assignee: unassigned", answer.Text, StringComparison.Ordinal);
        Assert.Contains("First response: not yet", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_ticket_is_named()
    {
        var answer = await CommandAsync("/status", "31");
        Assert.Contains("can't find ticket #31", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requester_may_read_their_ticket_but_strangers_may_not()
    {
        var number = await App.CreateTicketAsync();

        var requester = await CommandAsync("/status", N(number), TestSettings.Customer, TestSettings.CustomerChannel);
        var stranger = await CommandAsync("/status", N(number), "U_STRANGER", TestSettings.CustomerChannel);

        Assert.Contains("Status: *Received*", requester.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Status:", stranger.Text, StringComparison.Ordinal);
        Assert.Contains("Only the support team and the requester", stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_help_and_unknown_words_give_the_usage()
    {
        var help = await CommandAsync("/status", "help");
        var unknown = await CommandAsync("/status", "whatever");

        Assert.Contains("/status 12 pending|open|closed", help.Text, StringComparison.Ordinal);
        Assert.Contains("didn't understand `whatever`", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("/status setup", unknown.Text, StringComparison.Ordinal);
    }
}
