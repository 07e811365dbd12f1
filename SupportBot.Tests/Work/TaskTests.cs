using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using SupportBot.Tickets;

namespace SupportBot.Tests.Work;

/// <summary><c>/status 12 task …</c>: the seed's Task type, an internal to-do that never reaches the customer.</summary>
public sealed class TaskTests : AppTest
{
    private async Task<(int Parent, int Task)> ParentWithTaskAsync(string text = "Update the proxy docs")
    {
        var parent = await App.CreateTicketAsync("Docs question");
        await App.ThreadOfAsync(parent);
        await App.WaitForTicketAsync(parent, t => t.TriageTs is not null);
        var answer = await CommandAsync("/status", $"{N(parent)} task {text}");
        var task = Ticket(parent).TaskNumbers.Single();
        Assert.Contains($"Task *#{N(task)}* for #{N(parent)}", answer.Text, StringComparison.Ordinal);
        return (parent, task);
    }

    [Fact]
    public async Task A_task_has_its_own_number_is_linked_held_by_its_creator_and_has_no_sla()
    {
        var (parent, number) = await ParentWithTaskAsync();

        var task = Ticket(number);
        Assert.True(task.IsTask);
        Assert.Equal(parent, task.TaskOf);
        Assert.Equal(TestSettings.Engineer, task.AssigneeId);
        Assert.Equal(TicketStatus.Open, task.Status);
        Assert.Null(task.FirstResponseDueAt);
        Assert.Null(task.Sla.NextCheckAt);
        Assert.Null(task.ThreadTs);
        Assert.Contains($"Task of #{N(parent)}", (await CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(number)} Update the proxy docs (Open", (await CommandAsync("/status", N(parent))).Text, StringComparison.Ordinal);
        Assert.Contains(Ticket(parent).History, h => h.What.StartsWith($"Created Task #{N(number)}", StringComparison.Ordinal));
        var card = await App.Slack.WaitForAsync("chat.update", c => c.Text.Contains("1 Task", StringComparison.Ordinal));
        Assert.NotEmpty(card);
    }

    [Fact]
    public async Task A_task_never_reaches_the_customer_nor_the_triage_channel_and_never_moves_its_ticket()
    {
        var (parent, task) = await ParentWithTaskAsync();
        var before = App.Slack.Find("chat.postMessage").Count;

        await CommandAsync("/take", $"{N(task)} force", TestSettings.Engineer2);
        await CommandAsync("/status", $"{N(task)} priority urgent", TestSettings.Engineer2);
        await CommandAsync("/status", $"{N(task)} solved", TestSettings.Engineer2);
        await CommandAsync("/status", $"{N(task)} closed", TestSettings.Engineer2);
        await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer); // the DM about the take-over

        Assert.Equal(TicketStatus.Closed, Ticket(task).Status);
        Assert.Equal(TicketStatus.New, Ticket(parent).Status);
        Assert.Null(Ticket(parent).FirstResponseAt);
        var posted = App.Slack.Find("chat.postMessage").Skip(before).ToList();
        Assert.All(posted, c => Assert.Equal(TestSettings.Engineer, c.Channel));
        Assert.DoesNotContain(App.Slack.Calls, c => c.Channel is TestSettings.CustomerChannel or TestSettings.SupportChannel && c.Text.Contains("proxy docs", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_task_goes_open_to_solved_or_closed_only()
    {
        var (_, task) = await ParentWithTaskAsync();

        var answer = await CommandAsync("/status", $"{N(task)} pending");

        Assert.Contains("is a Task", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, Ticket(task).Status);
    }

    [Fact]
    public async Task A_task_can_be_closed_straight_from_open_but_its_ticket_cannot()
    {
        var (parent, task) = await ParentWithTaskAsync();

        await CommandAsync("/status", $"{N(task)} closed no longer needed");
        var refused = await CommandAsync("/status", $"{N(parent)} closed");

        Assert.Equal(TicketStatus.Closed, Ticket(task).Status);
        Assert.Contains("solve it first", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solving_a_ticket_with_open_tasks_is_allowed_and_names_them()
    {
        var (parent, task) = await ParentWithTaskAsync();
        await CommandAsync("/status", $"{N(parent)} task Second one");

        await CommandAsync("/status", $"{N(task)} solved");
        var answer = await CommandAsync("/status", $"{N(parent)} solved confirmed");

        Assert.Equal(TicketStatus.Solved, Ticket(parent).Status);
        Assert.Contains("Reminder", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(task + 1)} _Second one_ (Open)", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{N(task)} ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_tasks_lists_my_open_tasks_only()
    {
        var (parent, task) = await ParentWithTaskAsync();
        await CommandAsync("/status", $"{N(parent)} task Someone else's", TestSettings.Engineer2);
        await CommandAsync("/status", $"{N(parent)} task Already done");
        await CommandAsync("/status", $"{N(task + 2)} solved");

        var mine = await CommandAsync("/status", "tasks");
        var none = await CommandAsync("/status", "tasks", "U_ENG3_NOT_TEAM");

        Assert.Contains($"#{N(task)}* Update the proxy docs · Open · for #{N(parent)}", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Already done", mine.Text, StringComparison.Ordinal);
        Assert.Contains("Only the support team", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_are_refused_without_text_and_on_tasks()
    {
        var (parent, task) = await ParentWithTaskAsync();

        var empty = await CommandAsync("/status", $"{N(parent)} task");
        var nested = await CommandAsync("/status", $"{N(task)} task deeper");

        Assert.Contains("Say what the Task is", empty.Text, StringComparison.Ordinal);
        Assert.Contains("itself a Task", nested.Text, StringComparison.Ordinal);
        Assert.Single(Ticket(parent).TaskNumbers);
        Assert.Equal(task, App.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task Tasks_survive_a_restart()
    {
        var (parent, task) = await ParentWithTaskAsync();
        App.Dispose();

        using var second = new SupportBotApp(dbPath: App.DbPath, time: App.Time);
        var parentView = await second.Requests.CommandAsync("/status", N(parent), TestSettings.Engineer);
        var mine = await second.Requests.CommandAsync("/status", "tasks", TestSettings.Engineer);

        Assert.Contains($"#{N(task)} Update the proxy docs (Open", parentView.Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(task)}*", mine.Text, StringComparison.Ordinal);
    }
}
