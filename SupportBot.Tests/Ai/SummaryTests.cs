using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Ai;

public sealed class SummaryTests : ModelTest
{
    [Fact]
    public async Task Summary_is_answered_to_the_engineer_only_after_the_ack_with_the_conversation_but_no_notes()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502", "Nightly CSV export fails since Monday.");
        Assert.Contains("Sending", (await CommandAsync($"{N(n)} reply Which region is your workspace in?")).Text, StringComparison.Ordinal);
        await CommandAsync($"{N(n)} note customer is on the legacy plan, do not offer credits");

        var ack = await CommandAsync($"{N(n)} summary");

        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.Contains("Asking the language model for a summary of *#1*", ack.Text, StringComparison.Ordinal);
        var answer = await PrivateAnswerAsync("Summary of #1");
        Assert.Equal("ephemeral", answer.Args["response_type"]!.GetValue<string>());
        Assert.Contains("Problem: Exports fail with a 502.", answer.Text, StringComparison.Ordinal);
        Assert.Contains("ask the customer for logs &amp; a screenshot", answer.Text, StringComparison.Ordinal); // escaped once
        var sent = Assert.Single(Model.Requests);
        Assert.Equal("fake-model", sent.Model);
        Assert.Contains("Nightly CSV export fails since Monday.", sent.User, StringComparison.Ordinal);
        Assert.Contains("Support: Which region is your workspace in?", sent.User, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy plan", sent.User, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Customer, sent.User, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Engineer, sent.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_security_path_ticket_is_never_sent_and_the_engineer_is_told_why()
    {
        var secret = await App.CreateTicketAsync("XSS in the profile page", "The bio field runs scripts.");
        await CommandAsync($"{N(secret)} solved security https://github.com/acme/security-issues/issues/9");
        var tagged = await App.CreateTicketAsync("Token shows in URL", "The API token appears in the address bar.");
        await CommandAsync($"{N(tagged)} tag add security");
        var plain = await App.CreateTicketAsync("Dark mode flickers", "The sidebar flickers in dark mode.");

        Assert.Contains("security path", (await CommandAsync($"{N(secret)} summary")).Text, StringComparison.Ordinal);
        Assert.Contains("security path", (await CommandAsync($"{N(tagged)} draft")).Text, StringComparison.Ordinal);
        await CommandAsync($"{N(plain)} summary");
        await PrivateAnswerAsync($"Summary of #{N(plain)}");

        // the jobs run in order in the engineer's lane: had either security ticket been queued, it would have gone first
        var sent = Assert.Single(Model.Requests);
        Assert.Contains("Dark mode flickers", sent.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hand_off_DM_offers_the_summary()
    {
        var n = await App.CreateTicketAsync("Webhooks arrive twice");

        await App.Requests.CommandAsync("/take", $"{N(n)} <@{TestSettings.Engineer2}> customer is in Europe", TestSettings.Engineer);

        var dm = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer2);
        Assert.Contains($"`/status {N(n)} summary` has the language model summarise", dm[0].Text, StringComparison.Ordinal);
    }
}

public sealed class SummaryWithNotesTests() : ModelTest(new() { ["Ai:IncludeNotes"] = "true" })
{
    [Fact]
    public async Task With_IncludeNotes_the_internal_notes_are_sent_too()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502");
        await CommandAsync($"{N(n)} note customer is on the legacy plan");

        await CommandAsync($"{N(n)} summary");
        await PrivateAnswerAsync("Summary of #1");

        Assert.Contains("- customer is on the legacy plan", Assert.Single(Model.Requests).User, StringComparison.Ordinal);
    }
}
