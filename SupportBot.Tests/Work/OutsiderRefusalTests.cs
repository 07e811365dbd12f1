using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Work;

/// <summary>Every way of working a ticket is the team's: anyone else, even the requester, gets a clear refusal and nothing changes.</summary>
public sealed class OutsiderRefusalTests() : AppTest(new() { ["Slack:CollaborationChannel"] = "C_COLLAB" })
{
    [Theory]
    [InlineData("note I am the customer")]
    [InlineData("priority urgent")]
    [InlineData("requester <@U_OTHER>")]
    [InlineData("task do it for me")]
    [InlineData("escalate is anyone there?")]
    public async Task The_requester_is_refused_and_the_ticket_is_unchanged(string words)
    {
        var number = await App.CreateTicketAsync("Not yours to change");
        var before = Ticket(number);

        var answer = await CommandAsync("/status", $"{N(number)} {words}", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team can use", answer.Text, StringComparison.Ordinal);
        var after = Ticket(number);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.Priority, after.Priority);
        Assert.Equal(before.RequesterId, after.RequesterId);
        Assert.Empty(after.Notes);
        Assert.Empty(after.TaskNumbers);
        Assert.Empty(after.Escalations);
        Assert.Equal(1, Tickets.Count());
        Assert.Empty(App.Slack.Find("chat.postMessage", c => c.Channel == "C_COLLAB"));
    }

    [Theory]
    [InlineData("team")]
    [InlineData("tasks")]
    public async Task Team_views_are_refused_to_outsiders(string word)
    {
        var answer = await CommandAsync("/status", word, TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team can use", answer.Text, StringComparison.Ordinal);
    }
}
