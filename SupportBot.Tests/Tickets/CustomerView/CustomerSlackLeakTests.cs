using System.Text.Json.Nodes;
using SupportBot.Slack.Users;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using static SupportBot.Tests.Tickets.CustomerView.InternalSecrets;

namespace SupportBot.Tests.Tickets.CustomerView;

/// <summary>
/// Issue 23 item 1 in Slack: with a secret in every internal field, nothing the requester can read (their
/// <c>/ticket N</c> and <c>/ticket</c>, their App Home, anything posted in their channel) shows one, and what they
/// do see is the customer view.
/// </summary>
public sealed class CustomerSlackLeakTests() : AppTest(new() { ["Slack:CollaborationChannel"] = Collab })
{
    private static readonly string[] CustomerSecrets = [TestSettings.Ce, "Enterprise", "note added", "Task"];

    [Fact]
    public async Task No_internal_field_reaches_what_the_requester_reads_in_Slack()
    {
        Slack.Workspace.AddUser(TestSettings.Engineer2, "Eli Second");
        await App.Get<SlackUserDirectory>().NameAsync(TestSettings.Engineer2, CancellationToken.None);
        var number = await App.CreateTicketAsync("Login loops forever");
        await App.ThreadOfAsync(number);

        await PlantAsync(App, number);
        var list = await AsCustomerAsync("");
        await OpenHomeAsync();
        var home = await Slack.WaitForAsync("views.publish", c => c.Args["user_id"]?.GetValue<string>() == TestSettings.Customer);
        await SolveAsync(App, number);
        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("How did we do", StringComparison.Ordinal));
        var mine = await AsCustomerAsync(N(number));

        NoneIn("/ticket", list.Body, CustomerSecrets);
        NoneIn("/ticket N", mine.Body, CustomerSecrets);
        NoneIn("App Home", home[^1].Args.ToJsonString(), CustomerSecrets);
        var inChannel = Slack.Calls.Where(c => c.Channel == TestSettings.CustomerChannel).ToList();
        Assert.Contains(inChannel, c => c.Text.Contains("Eli Second", StringComparison.Ordinal) || c.Text.Contains($"<@{TestSettings.Engineer2}>", StringComparison.Ordinal));
        // the CE is a person in the customer's channel, looped in by the accountability reply as the seed asks; the
        // customer's view of the ticket still does not list them
        Assert.All(inChannel, c => NoneIn($"{c.Method} in the customer's channel", c.Args.ToJsonString(), CustomerSecrets[1..]));

        Assert.Contains($"*#{N(number)}* Login loops forever · Waiting for your reply · Eli Second", list.Text, StringComparison.Ordinal);
        Assert.Contains("Login loops forever", home[^1].Text, StringComparison.Ordinal);
        foreach (var shown in new[] { $"*#{N(number)} Login loops forever*", "Status: *Solved*", "Helping you: Eli Second", "Opened: ", "last update: " })
            Assert.Contains(shown, mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Task_is_nobodys_but_the_teams_even_when_it_names_the_asker()
    {
        var number = await App.CreateTicketAsync("Needs a docs fix");
        await CommandAsync("/status", $"{N(number)} task {In("task")}");
        var task = await App.WaitForTicketAsync(number, t => t.TaskNumbers.Count == 1);
        App.Get<SupportBot.Tickets.TicketStore>().Change(set =>
        {
            var t = set.Find(task.TaskNumbers[0])!;
            t.RequesterId = TestSettings.Customer; // as if its author had left the team
            set.Update(t);
            return t;
        });

        var shown = await AsCustomerAsync(N(task.TaskNumbers[0]));
        var listed = await AsCustomerAsync("");

        Assert.Contains("Only the support team and the requester", shown.Text, StringComparison.Ordinal);
        NoneIn("/ticket for a Task", shown.Body + listed.Body);
        Assert.Contains("Needs a docs fix", listed.Text, StringComparison.Ordinal);
    }

    private Task<CommandAnswer> AsCustomerAsync(string text) =>
        CommandAsync("/status", text, TestSettings.Customer, TestSettings.CustomerChannel);

    private Task<HttpResponseMessage> OpenHomeAsync() => Requests.EventAsync(new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = TestSettings.Customer, ["channel"] = "D_HOME", ["tab"] = "home", ["event_ts"] = "1.1",
    });
}
