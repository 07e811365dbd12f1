using System.Globalization;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Tickets.CustomerView;

/// <summary>
/// Plants a secret in every internal field of a ticket the way the team really writes them (slash commands and a
/// reply in the escalation's thread), and knows what must never be found where the customer reads.
/// </summary>
public static class InternalSecrets
{
    public const string Marker = "S3CR3T";
    public const string Collab = "C_COLLAB";
    public const string SecurityLink = "https://github.com/acme/security-issues/issues/913";

    /// <summary>An app's settings with the collaboration channel escalations go to.</summary>
    public static Dictionary<string, string?> WithCollab(Dictionary<string, string?> settings)
    {
        settings["Slack:CollaborationChannel"] = Collab;
        return settings;
    }

    /// <summary>A secret that names its field, so a failure says which one leaked.</summary>
    public static string In(string field) => $"{Marker}-{field}";

    /// <summary>
    /// Taken, noted, escalated (with a reply), a Task, urgent, handed to engineer 2 with a note, Pending with a note:
    /// everything but the resolution, so the ticket is still open for the customer's lists.
    /// </summary>
    public static async Task PlantAsync(SupportBotApp app, int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        await TeamAsync(app, "/take", n);
        await TeamAsync(app, "/status", $"{n} note {In("note")}");
        await TeamAsync(app, "/status", $"{n} escalate is {SecurityLink} a real bypass? {In("escalation-question")}");
        var ts = (await app.WaitForTicketAsync(number, t => t.Escalations.Count == 1 && t.Escalations[0].Ts is not null)).Escalations[0].Ts!;
        await app.SendAsync(ThreadEvents.Message(Collab, "U_INFRA", In("escalation-reply"), ts));
        await app.WaitForTicketAsync(number, t => t.Escalations[0].Replies.Count == 1);
        await TeamAsync(app, "/status", $"{n} task {In("task-subject")}");
        await TeamAsync(app, "/status", $"{n} priority urgent");
        await TeamAsync(app, "/take", $"{n} <@{TestSettings.Engineer2}> {In("handoff-note")}");
        await TeamAsync(app, "/status", $"{n} pending {In("status-note")}");
        await app.WaitForTicketAsync(number, t => t.Status == SupportBot.Tickets.TicketStatus.Pending);
    }

    /// <summary>Solved as a security issue, with the private link and an internal resolution note.</summary>
    public static Task SolveAsync(SupportBotApp app, int number) =>
        TeamAsync(app, "/status", $"{number.ToString(CultureInfo.InvariantCulture)} solved security {SecurityLink} {In("resolution-note")}");

    /// <summary>Fails naming <paramref name="where"/> if any internal word is in <paramref name="text"/>.</summary>
    public static void NoneIn(string where, string? text, params string[] alsoSecret)
    {
        foreach (var secret in new[] { Marker, "security-issues", "Urgent", "Priority", "escalat" }.Concat(alsoSecret))
            Assert.False((text ?? "").Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} shows “{secret}”: {text}");
    }

    private static async Task TeamAsync(SupportBotApp app, string command, string text)
    {
        var answer = await app.Requests.CommandAsync(command, text, TestSettings.Engineer, TestSettings.SupportChannel);
        Assert.DoesNotContain("can't", answer.Text, StringComparison.Ordinal);
    }
}
