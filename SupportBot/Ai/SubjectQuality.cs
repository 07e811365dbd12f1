namespace SupportBot.Ai;

/// <summary>
/// When a 🎫 or #help ticket's subject (its message's first line) is not a good one: too long (it was cut, or runs
/// past <see cref="MaxGood"/>), or it says nothing about the problem (a greeting, "help", "question", a mention or
/// punctuation only). A request of fewer than <see cref="MinRequestWords"/> words has nothing better to offer.
/// </summary>
public static class SubjectQuality
{
    public const int MaxGood = 80;
    public const int MinRequestWords = 4;

    /// <summary>Words that open a message or plead without naming a problem.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "hiya", "yo", "hola", "greetings", "dear", "good", "morning", "afternoon", "evening", "day",
        "team", "all", "everyone", "everybody", "folks", "guys", "people", "there", "support", "help", "helpme", "please",
        "pls", "urgent", "asap", "question", "quick", "issue", "problem", "thanks", "thank", "you", "anyone", "can",
        "somebody", "someone", "need", "i", "a", "an", "the", "have", "got", "sos", "hmm", "ok",
    };

    public static bool IsPoor(string subject, string request)
    {
        if (Words(request).Count < MinRequestWords)
            return false;
        if (subject.Length > MaxGood || subject.EndsWith('…'))
            return true;
        return Words(subject).All(Filler.Contains);
    }

    /// <summary>Letter-or-digit runs; Slack mentions (<c>&lt;@U1&gt;</c>) and links are not words.</summary>
    private static List<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0).ToList();

    /// <summary>The model's answer as a subject: its first line, without quotes, markup or a "Subject:" label; null when unusable.</summary>
    public static string? Clean(string answer)
    {
        var line = answer.Trim().Split('\n', 2)[0].Trim();
        if (line.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
            line = line["Subject:".Length..];
        line = line.Trim().Trim('"', '\'', '*', '_', '`', '“', '”', '#').Trim().TrimEnd('.');
        line = Slack.SlackText.Shorten(line, MaxGood);
        return Words(line).Count == 0 || Words(line).All(Filler.Contains) ? null : line;
    }
}
