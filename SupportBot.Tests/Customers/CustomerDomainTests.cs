using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Customers;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Intake;
using SupportBot.Work.Customers;

namespace SupportBot.Tests.Customers;

/// <summary>Customers by mail domain: a GitHub user's public email names the customer; the record modal edits the list.</summary>
public sealed class CustomerDomainTests() : AppTest(Settings())
{
    private static Dictionary<string, string?> Settings()
    {
        var settings = IntakeRequests.Settings();
        settings["Customers:1:Name"] = "Globex";
        settings["Customers:1:Tier"] = "Startup";
        settings["Customers:1:Domains:0"] = "globex.test";
        return settings;
    }

    private static JsonNode IssueBy(int number, string? email)
    {
        var payload = JsonSerializer.SerializeToNode(GitHubPayloads.Opened(number, "Search is slow", "support"))!;
        if (email is not null)
            payload["issue"]!["user"]!["email"] = email;
        return payload;
    }

    [Fact]
    public async Task A_github_user_whose_public_email_is_in_a_customers_domain_is_that_customer()
    {
        await new IntakeRequests(App).GitHubAsync("issues", IssueBy(7, "dana@globex.test"));
        await new IntakeRequests(App).GitHubAsync("issues", IssueBy(8, null));

        Assert.True(await Eventually.TrueAsync(() => Tickets.Count() == 2));
        Assert.Equal(("Globex", "Startup"), (Ticket(1).CustomerName, Ticket(1).Tier));
        Assert.Null(Ticket(2).CustomerName);
    }

    [Fact]
    public async Task The_record_modal_edits_the_domains_lower_cased_and_refuses_what_is_not_a_domain()
    {
        await CommandAsync("/status", "customer globex");
        var view = (await Slack.WaitForAsync("views.open", c => c.Args["view"]?["callback_id"]?.GetValue<string>() == CustomerForm.CallbackId))[^1]
            .Args["view"]!.AsObject();
        var shown = view["blocks"]!.AsArray().Single(b => b!["block_id"]!.GetValue<string>() == CustomerForm.DomainsBlock)!["element"]!["initial_value"];
        Assert.Equal("globex.test", shown?.GetValue<string>());

        var refused = await Requests.InteractAsync(CustomerRecordTests.Submission(view, new() { [CustomerForm.DomainsBlock] = "https://globex.test/" }));
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![CustomerForm.DomainsBlock]!.GetValue<string>();
        Assert.Contains("bare mail domains", error, StringComparison.Ordinal);

        var saved = await Requests.InteractAsync(CustomerRecordTests.Submission(view, new() { [CustomerForm.DomainsBlock] = "Globex.test, EU.globex.test  globex.example" }));
        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        var globex = App.Get<CustomerStore>().Named("Globex")!;
        Assert.Equal(["globex.test", "eu.globex.test", "globex.example"], globex.Domains);
        Assert.Contains("domains: globex.test → globex.test, eu.globex.test, globex.example", globex.Changes[^1].What, StringComparison.Ordinal);
    }
}
