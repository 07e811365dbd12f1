using SupportBot.Slack;

namespace SupportBot.Dashboard.Actions;

/// <summary>
/// A ticket page form as the slash command an engineer would type for it (<c>/take 12</c>, <c>/ticket 12 pending</c>…),
/// so the form runs the command's own code path. Typed text goes in as typed, as a Slack command's text is held once
/// it has come in (see <see cref="Slack.Payloads.SlashCommand"/>).
/// </summary>
public sealed record TicketActionCommand(string Command, string Text)
{
    public const string Take = "take";
    public const string Assign = "assign";
    public const string Status = "status";
    public const string Priority = "priority";
    public const string Note = "note";

    public static IReadOnlyList<string> Actions { get; } = [Take, Assign, Status, Priority, Note];

    /// <summary>The status words the form offers: those that work without a Slack modal (solving names its path).</summary>
    public static IReadOnlyList<string> StatusWords { get; } =
        ["open", "pending", "on-hold", "closed", "solved confirmed", "solved no-reply", "solved unreachable", "solved"];

    /// <summary>Longer typed text is refused rather than cut silently; the note itself keeps 3,000 characters.</summary>
    public const int MaxTyped = 4000;

    /// <param name="field">A form field's value, null when it was not sent.</param>
    /// <returns>The command, or why the form cannot become one (a 400).</returns>
    public static (TicketActionCommand? Command, string? Error) From(string action, int number, Func<string, string?> field,
        SlackCommandNames commands)
    {
        var typed = Typed(field(Note));
        if (typed.Length > MaxTyped)
            return (null, $"The text is {typed.Length} characters long; at most {MaxTyped} are accepted.");
        // a command's text is held as typed (the Slack request's escaping is undone where it comes in)
        var note = typed.Length == 0 ? "" : " " + typed;
        return action switch
        {
            Take => field("force") switch
            {
                null or "" => (new(commands.Take, $"{number}"), null),
                "yes" => (new(commands.Take, $"{number} force"), null),
                _ => (null, "force is yes or left out."),
            },
            Assign when SlackIds.IsUser(field("engineer")) => (new(commands.Take, $"{number} {SlackText.User(field("engineer")!)}{note}"), null),
            Assign => (null, "Choose an engineer of the support team."),
            Status when StatusWords.Contains(field(Status) ?? "") => (new(commands.Status, $"{number} {field(Status)}{note}"), null),
            Status => (null, $"The status is one of: {string.Join(", ", StatusWords)}."),
            Priority when PriorityWord(field(Priority)) is { } word => (new(commands.Status, $"{number} priority {word}"), null),
            Priority => (null, $"The priority is one of: {string.Join(", ", Enum.GetNames<Tickets.Priority>())}."),
            Note when typed.Length > 0 => (new(commands.Status, $"{number} note{note}"), null),
            Note => (null, "Write the note before adding it."),
            _ => (null, $"There is no action {action}."),
        };
    }

    /// <summary>The names only, lower case as typed: Enum.TryParse would also take "2" or "urgent,high".</summary>
    private static string? PriorityWord(string? value) =>
        Enum.GetNames<Tickets.Priority>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant();

    /// <summary>Text as Slack sends a command's: line breaks as <c>\n</c> (browsers send CRLF), no outer spaces.</summary>
    private static string Typed(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
