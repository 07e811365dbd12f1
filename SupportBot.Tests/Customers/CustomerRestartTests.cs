using SupportBot.Customers;
using SupportBot.Tests.Infrastructure;

using SupportBot.Work.Customers;

namespace SupportBot.Tests.Customers;

/// <summary>Records edited in Slack survive a restart, and the settings seed adds new names without overwriting edits.</summary>
public sealed class CustomerRestartTests : IDisposable
{
    private readonly RestartingApp _apps = new("customers");

    private SupportBotApp Start(Dictionary<string, string?>? settings = null) => _apps.Start(settings);

    public void Dispose() => _apps.Dispose();

    [Fact]
    public async Task Edits_survive_a_restart_and_the_settings_only_add_new_names()
    {
        var first = Start();
        await first.Requests.CommandAsync("/status", "customer", TestSettings.Engineer, TestSettings.CustomerChannel);
        var view = (await first.Slack.WaitForAsync("views.open"))[^1].Args["view"]!.AsObject();
        await first.Requests.InteractAsync(CustomerRecordTests.Submission(view, new() { [CustomerForm.TierBlock] = "Strategic" }));
        Assert.Equal("Strategic", first.Get<CustomerStore>().Named("Acme Corp")!.Tier);
        first.Dispose();

        var second = Start(new()
        {
            ["Customers:0:Tier"] = "Enterprise", // the settings still say Enterprise: the Slack edit wins
            ["Customers:1:Name"] = "Initech",
            ["Customers:1:Channels:0"] = "C_INITECH",
            ["Customers:1:Lifecycle"] = "Trial",
        });

        var store = second.Get<CustomerStore>();
        var acme = store.Named("Acme Corp")!;
        Assert.Equal("Strategic", acme.Tier);
        Assert.Equal(TestSettings.Engineer, acme.Changes[^1].By);
        Assert.Equal(CustomerLifecycle.Trial, store.ForChannel("C_INITECH")!.Lifecycle);
    }
}
