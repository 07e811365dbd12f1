using System.Globalization;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// Every form of <c>/take</c> that names the tickets it takes (the queue-wide ones: <see cref="TakeQueueTests"/>).
/// One app for all: each test takes tickets of its own and reads only the messages about them.
/// </summary>
public sealed class TakeCommandTests(SharedApp shared) : SharedAppTest(shared)
{
    [Fact]
    public async Task Take_assigns_the_ticket_and_records_it_in_history()
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/take", N(number));

        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal(TestSettings.Engineer, ticket.AssigneeId);
        Assert.Contains(ticket.History, h => h.ActorId == TestSettings.Engineer && h.What.Contains("Took", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Take_answers_with_the_context_an_engineer_needs()
    {
        var number = await NewTicketAsync("Code intel is down", priority: "High");
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs is not null));

        var answer = await CommandAsync("/take", N(number));

        foreach (var expected in new[] { "Acme Corp", "Enterprise", "<@U_CE1>", "High", "Self-hosted, 3 replicas", "<@U_CUST1>", "https://slack.com/archives/C_ACME/p" })
            Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_updates_the_triage_card_to_show_the_assignee_without_the_button()
    {
        var number = await NewTicketAsync();
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs is not null));

        await CommandAsync("/take", N(number));

        var update = Assert.Single(await TriageCardUpdatesAsync(number));
        Assert.Equal(TestSettings.SupportChannel, update.Channel);
        Assert.Equal(Ticket(number).TriageTs, update.Args["ts"]!.GetValue<string>());
        Assert.Contains("<@U_ENG1>", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("take_ticket", update.Args.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0} {1}")]
    [InlineData("#{0},#{1}")]
    [InlineData("#{0}, #{1}")]
    [InlineData("{0},{1} {0}")]
    public async Task Take_several_at_once(string text)
    {
        var one = await NewTicketAsync("One");
        var two = await NewTicketAsync("Two");
        var three = await NewTicketAsync("Three");

        var answer = await CommandAsync("/take", string.Format(CultureInfo.InvariantCulture, text, one, two));

        Assert.True(Names(answer.Text, one), answer.Text);
        Assert.True(Names(answer.Text, two), answer.Text);
        Assert.Equal(TestSettings.Engineer, Ticket(one).AssigneeId);
        Assert.Equal(TestSettings.Engineer, Ticket(two).AssigneeId);
        Assert.Null(Ticket(three).AssigneeId);
        var threads = new[] { one, two, three }.Select(n => Ticket(n).ThreadTs).ToHashSet();
        var replies = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel
            && threads.Contains(c.ThreadTs) && c.Text.Contains("will help you", StringComparison.Ordinal), count: 2);
        Assert.Equal(2, replies.Count);
        Assert.Contains(replies, r => r.ThreadTs == Ticket(one).ThreadTs);
        Assert.Contains(replies, r => r.ThreadTs == Ticket(two).ThreadTs);
    }

    [Fact]
    public async Task Take_several_reports_each_ticket_including_unknown_ones()
    {
        var number = await NewTicketAsync("One");
        var unknown = number + 100_000; // no test of the class creates that many

        var answer = await CommandAsync("/take", $"{number} {unknown}");

        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"can't find ticket #{unknown}", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(number).AssigneeId);
    }

    [Fact]
    public async Task Take_force_reassigns_and_tells_the_previous_holder()
    {
        var number = await NewTicketAsync("Held");
        await CommandAsync("/take", N(number), TestSettings.Engineer2);

        var answer = await CommandAsync("/take", $"{number} force");

        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(number).AssigneeId);
        var dm = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer2 && Names(c.Text, number)));
        Assert.Contains("<@U_ENG1>", dm.Text, StringComparison.Ordinal);
        Assert.Contains($"#{number}", dm.Text, StringComparison.Ordinal);
        var handover = await CustomerThreadAsync(number, "taking over");
        Assert.Contains("<@U_ENG1>", Assert.Single(handover).Text, StringComparison.Ordinal);
    }
}
