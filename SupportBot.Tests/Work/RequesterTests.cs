using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Work;

/// <summary><c>/status 12 requester @person</c> (seed step 10): the ticket ties to whoever really asked.</summary>
public sealed class RequesterTests : AppTest
{
    [Fact]
    public async Task The_requester_switches_to_the_mentioned_person_who_can_then_see_the_ticket()
    {
        var number = await App.CreateTicketAsync("Asked for a colleague");

        var answer = await CommandAsync("/status", $"{N(number)} requester <@U_REAL|asker>");

        Assert.Contains("<@U_REAL>", answer.Text, StringComparison.Ordinal);
        Assert.Equal("U_REAL", Ticket(number).RequesterId);
        Assert.Contains(Ticket(number).History, h => h.What.Contains("U_REAL", StringComparison.Ordinal));
        Assert.Contains("Requester: `asker`", (await CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);
        var seen = await CommandAsync("/status", N(number), "U_REAL", TestSettings.CustomerChannel);
        Assert.Contains("Status:", seen.Text, StringComparison.Ordinal);
        var former = await CommandAsync("/status", N(number), TestSettings.Customer, TestSettings.CustomerChannel);
        Assert.Contains("Only the support team and the requester", former.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@asker")]
    [InlineData("somebody")]
    [InlineData("<#C123|general>")]
    [InlineData("")]
    public async Task Anything_but_a_user_is_refused_and_nothing_changes(string who)
    {
        var number = await App.CreateTicketAsync("Who asked");

        var answer = await CommandAsync("/status", $"{N(number)} requester {who}");

        Assert.Contains("requester @person", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Customer, Ticket(number).RequesterId);
    }
}
