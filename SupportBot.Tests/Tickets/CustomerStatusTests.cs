using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>A customer's bare <c>/status</c>: their own requests, nothing about the team's queue.</summary>
public sealed class CustomerStatusTests : AppTest
{
    [Fact]
    public async Task A_customers_bare_status_lists_their_own_open_requests_and_not_the_queue_size()
    {
        await App.CreateTicketAsync("Mine one");
        await App.CreateTicketAsync("Someone else's", user: "U_CUST2");
        await App.CreateTicketAsync("Mine two");

        var answer = await CommandAsync("/status", "", user: TestSettings.Customer, channel: TestSettings.CustomerChannel);

        Assert.Contains("#1", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Mine one", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Mine two", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("queue", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unassigned", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_customer_without_requests_is_told_how_to_open_one()
    {
        await App.CreateTicketAsync("Someone else's", user: "U_CUST2");

        var answer = await CommandAsync("/status", "", user: TestSettings.Customer, channel: TestSettings.CustomerChannel);

        Assert.Contains("no open requests", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("queue", answer.Text, StringComparison.OrdinalIgnoreCase);
    }
}
