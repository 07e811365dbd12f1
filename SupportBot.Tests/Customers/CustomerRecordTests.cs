using System.Text.Json.Nodes;
using SupportBot.Customers;
using SupportBot.Tests.Infrastructure;

using SupportBot.Work.Customers;

namespace SupportBot.Tests.Customers;

/// <summary>Customer records: seeded from the settings, edited in Slack through a modal, with who and when.</summary>
public sealed class CustomerRecordTests : AppTest
{
    private async Task<JsonObject> OpenAsync(string text, string channel = TestSettings.CustomerChannel)
    {
        var answer = await CommandAsync("/status", text, channel: channel);
        Assert.Contains("record", answer.Text, StringComparison.Ordinal);
        var views = await Slack.WaitForAsync("views.open", c => c.Args["view"]?["callback_id"]?.GetValue<string>() == CustomerForm.CallbackId);
        return views[^1].Args["view"]!.AsObject();
    }

    private static string? Initial(JsonObject view, string block) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]!.GetValue<string>() == block)!["element"]!["initial_value"]?.GetValue<string>();

    public static JsonObject Submission(JsonObject view, Dictionary<string, string> values, string user = TestSettings.Engineer)
    {
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray())
        {
            var id = block!["block_id"]!.GetValue<string>();
            var element = block["element"]!;
            var value = values.TryGetValue(id, out var v) ? v : element["initial_value"]?.GetValue<string>() ?? element["initial_option"]?["value"]?.GetValue<string>();
            state[id] = new JsonObject
            {
                ["value"] = element["type"]!.GetValue<string>() == "static_select"
                    ? new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } }
                    : new JsonObject { ["type"] = "plain_text_input", ["value"] = value },
            };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user },
            ["view"] = new JsonObject
            {
                ["id"] = "V" + Guid.NewGuid().ToString("N")[..10],
                ["callback_id"] = CustomerForm.CallbackId,
                ["private_metadata"] = view["private_metadata"]?.GetValue<string>(),
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
    }

    [Fact]
    public async Task The_settings_seed_the_store()
    {
        var acme = App.Get<CustomerStore>().Named("acme corp")!;

        Assert.Equal(("Acme Corp", "Enterprise", TestSettings.Ce), (acme.Name, acme.Tier, acme.Ce));
        Assert.Equal([TestSettings.CustomerChannel], acme.Channels);
        Assert.Equal("added from the settings", Assert.Single(acme.Changes).What);
    }

    [Fact]
    public async Task Status_customer_in_a_customer_channel_opens_its_record()
    {
        var view = await OpenAsync("customer");

        Assert.Equal("Acme Corp", Initial(view, CustomerForm.NameBlock));
        Assert.Equal(TestSettings.CustomerChannel, Initial(view, CustomerForm.ChannelsBlock));
        Assert.Equal("Enterprise", Initial(view, CustomerForm.TierBlock));
        Assert.Equal(TestSettings.Ce, Initial(view, CustomerForm.CeBlock));
    }

    [Fact]
    public async Task An_edit_is_saved_with_who_and_what_changed()
    {
        var view = await OpenAsync("customer acme", TestSettings.SupportChannel);

        var response = await Requests.InteractAsync(Submission(view, new()
        {
            [CustomerForm.TierBlock] = "Growth",
            [CustomerForm.LifecycleBlock] = nameof(CustomerLifecycle.SelfService),
            [CustomerForm.ContractBlock] = nameof(SupportContract.Dedicated),
            [CustomerForm.CeBlock] = "",
            [CustomerForm.ExceptionsBlock] = "24/7 coverage for P1s",
            [CustomerForm.LinksBlock] = "Account doc: https://docs.example.com/acme\nhttps://crm.example.com/acme",
        }));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var acme = App.Get<CustomerStore>().Named("Acme Corp")!;
        Assert.Equal(("Growth", CustomerLifecycle.SelfService, SupportContract.Dedicated, (string?)null, "24/7 coverage for P1s"),
            (acme.Tier, acme.Lifecycle, acme.Contract, acme.Ce, acme.Exceptions));
        Assert.Equal(2, acme.Links.Count);
        var change = acme.Changes[^1];
        Assert.Equal(TestSettings.Engineer, change.By);
        Assert.Contains("tier: Enterprise → Growth", change.What, StringComparison.Ordinal);
        Assert.Contains("lifecycle: customer → self-service", change.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CustomerForm.ChannelsBlock, "not a channel!", "channel ids")]
    [InlineData(CustomerForm.CeBlock, "bob", "user id")]
    [InlineData(CustomerForm.LinksBlock, "CRM: crm/acme", "full http(s) URL")]
    [InlineData(CustomerForm.NameBlock, "", "name")]
    public async Task Bad_fields_are_refused_next_to_the_field(string block, string value, string error)
    {
        var view = await OpenAsync("customer");

        var response = await Requests.InteractAsync(Submission(view, new() { [block] = value }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(error, body["errors"]![block]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Enterprise", App.Get<CustomerStore>().Named("Acme Corp")!.Tier);
    }

    [Fact]
    public async Task A_new_name_opens_an_empty_record_and_a_taken_channel_is_refused()
    {
        var view = await OpenAsync("customer Globex", TestSettings.SupportChannel);
        Assert.Equal("Globex", Initial(view, CustomerForm.NameBlock));

        var taken = await Requests.InteractAsync(Submission(view, new() { [CustomerForm.ChannelsBlock] = $"<#{TestSettings.CustomerChannel}|acme>" }));
        Assert.Contains("already belongs to Acme Corp", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await Requests.InteractAsync(Submission(view, new() { [CustomerForm.ChannelsBlock] = "C_GLOBEX" }));
        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        Assert.Equal("Globex", App.Get<CustomerStore>().ForChannel("C_GLOBEX")!.Name);
    }

    [Fact]
    public async Task A_channel_of_no_customer_without_a_name_gets_a_helpful_answer()
    {
        var answer = await CommandAsync("/status", "customer", channel: "C_RANDOM");

        Assert.Contains("belongs to no customer", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/status customer Acme", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_cannot_edit_records()
    {
        var answer = await CommandAsync("/status", "customer", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
    }
}
