using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Sla;

/// <summary>
/// A <see cref="SupportBotApp"/> for SLA tests: UTC, business hours all day unless a test says otherwise, and the
/// scheduler off so tests run the sweeps themselves at the fake time they choose.
/// </summary>
public static class SlaApp
{
    /// <summary>Monday 2025-01-06 09:00 UTC.</summary>
    public static readonly DateTimeOffset Monday9 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static SupportBotApp Create(Dictionary<string, string?>? settings = null, string? dbPath = null,
        FakeTimeProvider? time = null, bool allDay = true, bool scheduler = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sla:TimeZone"] = "UTC",
            ["Scheduling:Enabled"] = scheduler ? "true" : "false",
        };
        foreach (var (day, hours) in AllDayHours())
            all[day] = allDay ? hours : null;
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        return new SupportBotApp(all.Where(kv => kv.Value is not null).ToDictionary(), dbPath, time: time ?? new FakeTimeProvider(Monday9));
    }

    /// <summary>Sla:BusinessHours:&lt;Day&gt; all day, every day: deadlines that do not move with the hour the suite runs.</summary>
    public static Dictionary<string, string?> AllDayHours() =>
        Enum.GetNames<DayOfWeek>().ToDictionary(day => $"Sla:BusinessHours:{day}", _ => (string?)"00:00-24:00");

    /// <summary>SLA messages about ticket #number in the support channel (the triage card never says "SLA").</summary>
    public static IReadOnlyList<SlackCall> SlaNotes(this SupportBotApp app, int number) =>
        app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains($"#{number} ", StringComparison.Ordinal) && c.Text.Contains("SLA", StringComparison.Ordinal));

    /// <summary>Waits until the outbox has delivered <paramref name="count"/> SLA notes about the ticket.</summary>
    public static async Task<IReadOnlyList<SlackCall>> WaitForSlaNotesAsync(this SupportBotApp app, int number, int count)
    {
        await app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains($"#{number} ", StringComparison.Ordinal) && c.Text.Contains("SLA", StringComparison.Ordinal), count: count);
        return app.SlaNotes(number);
    }

    public static Ticket Ticket(this SupportBotApp app, int number) => app.Get<TicketStore>().Find(number)!;

    public static Task<CommandAnswer> CommandAsync(this SupportBotApp app, string command, string text, string user = TestSettings.Engineer) =>
        app.Requests.CommandAsync(command, text, user);

    /// <summary>A new ticket, taken by the engineer and set Pending; its number and the customer's thread.</summary>
    public static async Task<(int Number, string Thread)> PendingTicketAsync(this SupportBotApp app, string subject)
    {
        var number = await app.CreateTicketAsync(subject);
        var confirmation = await app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{number}", StringComparison.Ordinal));
        await app.CommandAsync("/take", N(number));
        await app.CommandAsync("/status", $"{number} pending asked for the logs");
        return (number, confirmation[0].AnswerTs!);
    }

    public static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static void Dispose(SupportBotApp app)
    {
        app.Dispose();
        app.DeleteDatabase();
    }
}
