using SupportBot.Customers;
using SupportBot.Tests.Customers;
using SupportBot.Tests.Infrastructure;

using SupportBot.Work.Customers;

namespace SupportBot.Tests.Tickets;

/// <summary>Seed step 5: what /take tells the engineer about the customer, their other tickets and similar solved cases.</summary>
public sealed class TakeContextTests : AppTest
{
    [Fact]
    public async Task Take_lists_the_customers_other_open_tickets()
    {
        await App.SearchReadyAsync();
        var first = await App.CreateTicketAsync("First question");
        var second = await App.CreateTicketAsync("Second question");
        var done = await App.CreateTicketAsync("Done already");
        await CommandAsync("/status", $"{done} solved confirmed");

        var answer = (await CommandAsync("/take", N(second))).Text;

        Assert.Contains($"Other open tickets from Acme Corp: #{first} First question (New, unassigned)", answer, StringComparison.Ordinal);
        var others = answer.Split('\n').Single(l => l.Contains("Other open tickets", StringComparison.Ordinal));
        Assert.DoesNotContain($"#{done}", others, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_points_at_similar_solved_tickets_with_their_resolution_and_public_link()
    {
        await App.SearchReadyAsync();
        var old = await App.CreateTicketAsync("Search times out on the monorepo", "Every search on the 40GB monorepo times out");
        var open = await App.CreateTicketAsync("Monorepo search slow again", "search on the monorepo times out");
        await CommandAsync("/status", $"{old} solved workaround https://github.com/acme/tracker/issues/101 raised the timeout");
        var fresh = await App.CreateTicketAsync("Monorepo search timing out", "Searches on the monorepo time out");

        App.SearchCaughtUp();
        var answer = (await CommandAsync("/take", N(fresh))).Text;

        Assert.Contains("Similar solved tickets:", answer, StringComparison.Ordinal);
        Assert.Contains($"#{old} Search times out on the monorepo — workaround <https://github.com/acme/tracker/issues/101>", answer, StringComparison.Ordinal);
        Assert.DoesNotContain($"• #{open}", answer, StringComparison.Ordinal); // open, so not a solved case
    }

    [Fact]
    public async Task Take_shows_the_customer_record_and_no_ce_for_self_service()
    {
        await App.SearchReadyAsync();
        await CommandAsync("/status", "customer", channel: TestSettings.CustomerChannel);
        var view = (await Slack.WaitForAsync("views.open"))[^1].Args["view"]!.AsObject();
        await Requests.InteractAsync(CustomerRecordTests.Submission(view, new()
        {
            [CustomerForm.LifecycleBlock] = nameof(CustomerLifecycle.SelfService),
            [CustomerForm.CeBlock] = "",
            [CustomerForm.ExceptionsBlock] = "Gets weekend coverage",
            [CustomerForm.LinksBlock] = "CRM: https://crm.example.com/acme",
        }));
        var number = await App.CreateTicketAsync();

        var answer = (await CommandAsync("/take", N(number))).Text;

        Assert.Contains("Customer: Acme Corp (Enterprise) · self-service · standard contract · no CE: check billing alerts", answer, StringComparison.Ordinal);
        Assert.Contains("Exceptions: Gets weekend coverage", answer, StringComparison.Ordinal);
        Assert.Contains("Links: <https://crm.example.com/acme|CRM>", answer, StringComparison.Ordinal);
    }
}
