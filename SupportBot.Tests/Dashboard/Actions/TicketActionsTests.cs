using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;
using static SupportBot.Tests.Dashboard.Actions.TicketTwins;

namespace SupportBot.Tests.Dashboard.Actions;

/// <summary>
/// Each ticket page form does exactly what its slash command does: the same history, the same Slack and customer
/// messages, and the command's answer on the page.
/// </summary>
public sealed class TicketActionsTests : AppTest
{
    private readonly TicketTwins _twins;

    public TicketActionsTests() : base(new() { ["Dashboard:PublicUrl"] = "http://dash.test" }) => _twins = new(App);

    private SlackCommandNames Commands => App.Get<IOptions<SlackOptions>>().Value.Commands;

    /// <summary>Runs the command on one twin and the form on the other; both leave the same trace.</summary>
    /// <returns>The command's answer in Slack, and the Slack calls each caused (written out).</returns>
    private async Task<(string Answer, IReadOnlyList<string> Calls)> SameAsCommandAsync(string command, Func<int, string> text, string action, params (string, string)[] fields)
    {
        await _twins.CreateAsync();
        var browser = await App.SignedInAsync();
        string? slackAnswer = null, page = null;
        var bySlack = await _twins.CallsOfAsync(_twins.BySlack, async () => slackAnswer = (await CommandAsync(command, text(_twins.BySlack))).Text);
        var byForm = await _twins.CallsOfAsync(_twins.ByForm, async () => page = await SubmitAsync(browser, _twins.ByForm, action, fields));

        Assert.Equal(_twins.History(_twins.BySlack), _twins.History(_twins.ByForm));
        Assert.Equal(bySlack, byForm);
        Assert.Contains($"#{N(_twins.ByForm)}", Answer(page!), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>stuck</b>", page!, StringComparison.Ordinal);
        return (slackAnswer!, byForm);
    }

    [Fact]
    public async Task Take_does_what_slash_take_does()
    {
        var (answer, _) = await SameAsCommandAsync(Commands.Take, n => N(n), "take");

        Assert.Contains("You took", answer, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(_twins.ByForm).AssigneeId);
        Assert.NotEmpty(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Assign_hands_the_ticket_over_as_slash_take_with_a_person_does()
    {
        var (answer, _) = await SameAsCommandAsync(Commands.Take, n => $"{N(n)} <@{TestSettings.Engineer2}> customer is in Europe &amp; &lt;UTC+1&gt;", "assign",
            ("engineer", TestSettings.Engineer2), ("note", "customer is in Europe & <UTC+1>"));

        Assert.Contains("You handed", answer, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer2, Ticket(_twins.ByForm).AssigneeId);
        // kept as typed, as /take keeps it once the Slack request's escaping is undone
        Assert.EndsWith("customer is in Europe & <UTC+1>", Ticket(_twins.ByForm).History[^1].What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pending", "waiting for the logs &amp; a HAR file", "waiting for the logs & a HAR file")]
    [InlineData("solved confirmed", "fixed by the 5.2.1 upgrade", "fixed by the 5.2.1 upgrade")]
    [InlineData("on-hold", "https://github.com/org/repo/issues/9 engineering is on it", "https://github.com/org/repo/issues/9 engineering is on it")]
    public async Task Status_changes_as_slash_ticket_does(string word, string typedInSlack, string typedInForm)
    {
        await SameAsCommandAsync(Commands.Status, n => $"{N(n)} {word} {typedInSlack}", "status", ("status", word), ("note", typedInForm));

        Assert.Equal(Ticket(_twins.BySlack).Status, Ticket(_twins.ByForm).Status);
        Assert.NotEqual(SupportBot.Tickets.TicketStatus.New, Ticket(_twins.ByForm).Status);
    }

    [Fact]
    public async Task Priority_changes_as_slash_ticket_priority_does()
    {
        await SameAsCommandAsync(Commands.Status, n => $"{N(n)} priority high", "priority", ("priority", "high"));

        Assert.Equal(SupportBot.Tickets.Priority.High, Ticket(_twins.ByForm).Priority);
    }

    [Fact]
    public async Task A_note_is_added_as_slash_ticket_note_does_and_never_reaches_the_customer()
    {
        const string secret = "Customer <is> on 5.2 & behind a proxy: SECRET-4711";
        var (_, calls) = await SameAsCommandAsync(Commands.Status, n => $"{N(n)} note Customer &lt;is&gt; on 5.2 &amp; behind a proxy: SECRET-4711", "note", ("note", secret));

        Assert.Equal(secret, Ticket(_twins.ByForm).Notes.Single().Text);
        Assert.Equal(Ticket(_twins.BySlack).Notes.Single().Text, Ticket(_twins.ByForm).Notes.Single().Text);
        Assert.DoesNotContain(Slack.Calls, c => c.Text.Contains("SECRET-4711", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Contains(TestSettings.CustomerChannel, StringComparison.Ordinal));
    }
}
