namespace SupportBot.Tickets.Resolution;

/// <summary>A resolution as asked for (a command or the modal), checked before anything is solved.</summary>
public sealed record ResolutionChoice(ResolutionPath Path, string? Link, string? Note)
{
    /// <summary>Why the choice cannot be recorded (a missing or malformed link), in words; null when it can.</summary>
    public string? Refusal(string? typedLink)
    {
        if (!string.IsNullOrWhiteSpace(typedLink) && Link is null)
            return $"`{Slack.SlackText.Quote(typedLink)}` is not a valid link; give a full http(s) URL such as https://github.com/org/repo/issues/12.";
        if (Path.NeededLink() is { } needed && Link is null)
            return $"A {Path.Word()} resolution needs {needed}: add it after `{Path.Word()}`.";
        return null;
    }

    /// <summary>Reads <c>workaround https://… optional note</c>; the error says what is wrong.</summary>
    public static (ResolutionChoice? Choice, string? Error) Parse(string text, string? knownLink)
    {
        var words = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var path = ResolutionPaths.Parse(words.ElementAtOrDefault(0));
        if (path is null)
            return (null, $"`{Slack.SlackText.Quote(words.ElementAtOrDefault(0) ?? "")}` is not a resolution path.");
        string? typed = null;
        var noteFrom = 1;
        if (words.ElementAtOrDefault(1) is { } second && IssueLink.LooksLikeLink(second))
        {
            typed = second;
            noteFrom = 2;
        }
        var note = string.Join(' ', words.Skip(noteFrom));
        var link = typed is null ? Reused(path.Value, knownLink) : IssueLink.Parse(typed);
        var choice = new ResolutionChoice(path.Value, link, note.Length == 0 ? null : note);
        return choice.Refusal(typed) is { } error ? (null, error) : (choice, null);
    }

    /// <summary>The defect link recorded when the ticket went on hold serves a later defect or workaround solve.</summary>
    private static string? Reused(ResolutionPath path, string? knownLink) =>
        path is ResolutionPath.Defect or ResolutionPath.Workaround ? knownLink : null;
}
