using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Intake;

public sealed class GitHubIntakeTests() : AppTest(IntakeRequests.Settings())
{
    private IntakeRequests Intake => new(App);

    [Fact]
    public async Task A_labelled_issue_becomes_one_ticket_however_often_it_is_delivered()
    {
        var payload = GitHubPayloads.Labeled(41, "Code search returns 502", "support");
        var first = await Intake.GitHubAsync("issues", payload, delivery: "d-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("issues", payload, delivery: "d-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("issues", GitHubPayloads.Opened(41, "Code search returns 502", "support"))).StatusCode);

        Assert.Equal(1, Tickets.Count());
        var ticket = Ticket(1);
        Assert.Equal(TicketSource.GitHub, ticket.Source);
        Assert.Equal(ConversationKind.GitHub, ticket.Talks);
        Assert.Equal("https://github.com/acme/tracker/issues/41", ticket.Via!.Link);
        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("#1 ", StringComparison.Ordinal));
        Assert.Contains("github.com/acme/tracker/issues/41", Assert.Single(card).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_signature_is_refused_and_makes_nothing()
    {
        var answer = await Intake.GitHubAsync("issues", GitHubPayloads.Labeled(1, "forged", "support"), secret: "wrong");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(0, Tickets.Count());
    }

    [Fact]
    public async Task Issues_without_a_configured_label_and_pings_are_answered_but_make_no_ticket()
    {
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("issues", GitHubPayloads.Labeled(2, "enhancement", "enhancement"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("issues", GitHubPayloads.Opened(3, "no label"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("ping", new { zen = "Keep it logically awesome.", hook_id = 1 })).StatusCode);
        Assert.Equal(0, Tickets.Count());
    }

    [Fact]
    public async Task The_authors_comments_join_the_conversation_once_and_others_do_not()
    {
        await Intake.GitHubAsync("issues", GitHubPayloads.Labeled(41, "Code search returns 502", "support"));
        Assert.Equal(HttpStatusCode.OK, (await Intake.GitHubAsync("issue_comment", GitHubPayloads.Comment(41, 7001, "octodev", "Still failing today"))).StatusCode);
        await Intake.GitHubAsync("issue_comment", GitHubPayloads.Comment(41, 7001, "octodev", "Still failing today"));
        await Intake.GitHubAsync("issue_comment", GitHubPayloads.Comment(41, 7002, "bystander", "+1"));

        var conversation = Ticket(1).Conversation;
        Assert.Equal(1, conversation.CustomerReplies);
        Assert.Equal("Still failing today", Assert.Single(conversation.Entries).Text);
        await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("Still failing today", StringComparison.Ordinal));
        Assert.Single(Slack.Find("chat.postMessage", c => c.Text.Contains("Still failing today", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_a_token_a_status_reply_is_refused_with_where_to_answer()
    {
        await Intake.GitHubAsync("issues", GitHubPayloads.Labeled(41, "Code search returns 502", "support"));
        var answer = await CommandAsync("/status", "1 reply Fixed in 5.2");
        Assert.Contains("Intake:GitHub:Token", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(1).FirstResponseAt);
    }
}
