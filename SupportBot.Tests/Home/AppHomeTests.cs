using System.Text.Json.Nodes;
using SupportBot.Home;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Home;

/// <summary>The App Home tab: published on open, Take next from it, and kept current as the engineer's tickets change.</summary>
public sealed class AppHomeTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "https://support.example.com" })
{
    [Fact]
    public async Task Opening_the_Home_publishes_my_tickets_the_queue_and_the_dashboard_link()
    {
        var mine = await App.CreateTicketAsync(subject: "Mine to fix");
        await App.CreateTicketAsync(subject: "Still waiting");
        await CommandAsync("/take", N(mine));

        await OpenHomeAsync(TestSettings.Engineer);

        var view = Assert.Single(await Slack.WaitForAsync("views.publish"));
        Assert.Equal(TestSettings.Engineer, view.Args["user_id"]!.GetValue<string>());
        Assert.Contains($"#{mine}* Mine to fix · New · next: us", view.Text, StringComparison.Ordinal);
        Assert.Contains("1 unassigned ticket waiting", view.Text, StringComparison.Ordinal);
        Assert.Contains("Take next", view.Text, StringComparison.Ordinal);
        Assert.Contains("https://support.example.com/", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_next_takes_the_next_waiting_ticket_and_says_so_on_the_Home()
    {
        var number = await App.CreateTicketAsync(subject: "Next in line");

        await Requests.InteractAsync(HomeButton(TestSettings.Engineer2));

        Assert.Equal(TestSettings.Engineer2, Ticket(number).AssigneeId);
        var view = (await Slack.WaitForAsync("views.publish"))[^1];
        Assert.Contains($"You took *#{number}*", view.Text, StringComparison.Ordinal);
        Assert.Contains("0 unassigned tickets waiting", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_pressing_Take_next_takes_nothing()
    {
        var number = await App.CreateTicketAsync();

        await Requests.InteractAsync(HomeButton(TestSettings.Customer));

        Assert.Null(Ticket(number).AssigneeId);
        var view = (await Slack.WaitForAsync("views.publish"))[^1];
        Assert.DoesNotContain("Take next", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_to_my_ticket_republishes_my_Home_once_after_a_pause()
    {
        var number = await App.CreateTicketAsync(subject: "Changing");
        await CommandAsync("/take", N(number));
        await OpenHomeAsync(TestSettings.Engineer);
        await Slack.WaitForAsync("views.publish");

        await CommandAsync("/status", $"{number} pending waiting for logs");
        await CommandAsync("/status", $"{number} open");
        await CommandAsync("/status", $"{number} on hold vendor");
        Assert.Equal(0, App.Get<HomeRefresher>().RunOnce()); // debounced: not yet
        App.Time.Advance(HomeTabs.Debounce); // the refresher's timer runs on this clock, so it wakes now

        var views = await Slack.WaitForAsync("views.publish", count: 2);
        Assert.Equal(0, App.Get<HomeRefresher>().RunOnce());
        Assert.Equal(2, views.Count);
        Assert.Contains("Changing · On-hold · next: a third party", views[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engineer_who_never_opened_the_Home_gets_no_publishes()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/take", N(number));
        App.Time.Advance(HomeTabs.Debounce);

        Assert.Equal(0, App.Get<HomeRefresher>().RunOnce());
        Assert.Empty(Slack.Find("views.publish"));
    }

    private Task<HttpResponseMessage> OpenHomeAsync(string user) => Requests.EventAsync(new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D_HOME", ["tab"] = "home", ["event_ts"] = "1.1",
    });

    private static JsonObject HomeButton(string user)
    {
        var payload = Flows.ButtonPayload(HomeView.TakeNextActionId, "next", user, "D_HOME");
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V_HOME" };
        payload.Remove("response_url");
        return payload;
    }
}
