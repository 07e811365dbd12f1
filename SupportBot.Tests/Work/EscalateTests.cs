using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Work;

/// <summary><c>/status 12 escalate …</c>: seed step 8.1, asking #technical-customer-collaboration with context.</summary>
public sealed class EscalateTests() : AppTest(new() { ["Slack:CollaborationChannel"] = Collab })
{
    private const string Collab = "C_COLLAB";

    [Fact]
    public async Task The_question_goes_to_the_collaboration_channel_with_context_and_its_replies_show_in_status()
    {
        var number = await App.CreateTicketAsync("Indexing stuck at 40%");
        await App.ThreadOfAsync(number);
        await CommandAsync("/take", N(number));

        var answer = await CommandAsync("/status", $"{N(number)} escalate Has anyone seen zoekt stall on <40GB> repos?");

        Assert.Contains("<#C_COLLAB>", answer.Text, StringComparison.Ordinal);
        var post = Assert.Single(await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == Collab));
        foreach (var part in new[] { $"#{N(number)}", "zoekt stall on &lt;40GB&gt; repos", "Acme Corp (Enterprise)", $"<@{TestSettings.Ce}>", "Status: New", "customer thread" })
            Assert.Contains(part, post.Text, StringComparison.Ordinal);
        var ts = (await App.WaitForTicketAsync(number, t => t.Escalations.Count == 1 && t.Escalations[0].Ts is not null)).Escalations[0].Ts!;

        await App.SendAsync(ThreadEvents.Message(Collab, "U_INFRA", "Yes: raise the indexer memory to 8G", ts));
        await App.SendAsync(ThreadEvents.Message(Collab, "U_INFRA", "unrelated thread", "123.456"));
        await App.ReplyAsync(await App.ThreadOfAsync(number), TestSettings.Customer, "sentinel");
        await App.WaitForTicketAsync(number, t => t.Conversation.CustomerReplies == 1);

        var status = await CommandAsync("/status", N(number));
        Assert.Contains("zoekt stall", status.Text, StringComparison.Ordinal);
        Assert.Contains("<@U_INFRA>: Yes: raise the indexer memory to 8G", status.Text, StringComparison.Ordinal);
        Assert.Single(Ticket(number).Escalations[0].Replies);
        Assert.Contains(Ticket(number).History, h => h.What.StartsWith("Asked in the collaboration channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalate_without_a_question_is_refused_with_an_example()
    {
        var number = await App.CreateTicketAsync("Who may ask");

        var empty = await CommandAsync("/status", $"{N(number)} escalate");

        Assert.Contains("Write the question", empty.Text, StringComparison.Ordinal);
        Assert.Empty(Ticket(number).Escalations);
    }
}

public sealed class EscalateWithoutChannelTests : AppTest
{
    [Fact]
    public async Task Without_a_collaboration_channel_escalate_says_which_setting_to_set()
    {
        var number = await App.CreateTicketAsync("Nowhere to ask");

        var answer = await CommandAsync("/status", $"{N(number)} escalate anyone?");

        Assert.Contains("Slack:CollaborationChannel", answer.Text, StringComparison.Ordinal);
        Assert.Empty(Ticket(number).Escalations);
    }
}
