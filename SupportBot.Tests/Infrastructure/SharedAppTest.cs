using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Tickets;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// <see cref="AppTest"/>'s helpers over one app for the whole class (<see cref="SharedApp"/>): each test works on
/// tickets it created itself (<see cref="NewTicketAsync"/>) and reads only what names them, since the tickets, Slack
/// calls and clock moves of the class's earlier tests are still there.
/// </summary>
public abstract partial class SharedAppTest(SharedApp shared) : IClassFixture<SharedApp>
{
    protected SupportBotApp App => shared.App;

    protected FakeSlackApi Slack => App.Slack;

    protected TicketStore Tickets => App.Get<TicketStore>();

    protected Ticket Ticket(int number) => Tickets.Find(number) ?? throw new InvalidOperationException($"no ticket #{number}");

    protected Task<CommandAnswer> CommandAsync(string command, string text, string user = TestSettings.Engineer,
        string channel = TestSettings.SupportChannel) => App.Requests.CommandAsync(command, text, user, channel);

    protected static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A ticket of this test's own: a subject no other ticket has, so the triage card read names its number.</summary>
    protected Task<int> NewTicketAsync(string subject = "Search times out", string priority = "Normal") =>
        App.CreateTicketAsync($"{subject} {Guid.NewGuid():N}", priority: priority);

    /// <summary>Whether <paramref name="text"/> names ticket #<paramref name="number"/> (and not #<paramref name="number"/>0).</summary>
    protected static bool Names(string text, int number) =>
        TicketReference().Matches(text).Any(m => m.Groups[1].Value == N(number));

    /// <summary>The messages posted in ticket #<paramref name="number"/>'s customer thread that contain <paramref name="contains"/>.</summary>
    protected Task<IReadOnlyList<SlackCall>> CustomerThreadAsync(int number, string contains) =>
        Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel
            && c.ThreadTs is { } thread && thread == Ticket(number).ThreadTs && c.Text.Contains(contains, StringComparison.Ordinal));

    /// <summary>The updates of ticket #<paramref name="number"/>'s triage card.</summary>
    protected Task<IReadOnlyList<SlackCall>> TriageCardUpdatesAsync(int number) =>
        Slack.WaitForAsync("chat.update", c => c.Args["ts"]?.GetValue<string>() is { } ts && ts == Ticket(number).TriageTs);

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketReference();
}
