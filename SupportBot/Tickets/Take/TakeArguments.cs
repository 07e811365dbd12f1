using System.Globalization;
using SupportBot.Slack;

namespace SupportBot.Tickets.Take;

/// <summary>
/// The words after <c>/take</c>: nothing (next waiting ticket), <c>all</c> (this channel's unassigned tickets),
/// numbers (<c>12 15</c>, <c>#12,#15</c>), optionally <c>force</c> to take over held tickets, or a hand-off:
/// <c>12 @person the note for them</c>.
/// </summary>
public sealed record TakeArguments(bool Next, bool All, bool Force, IReadOnlyList<int> Numbers, string? Unknown,
    SlackMarkup.UserMention? HandTo = null, string? Note = null)
{
    public static TakeArguments Parse(string? text)
    {
        var all = (text ?? "").Trim();
        var mention = all.IndexOf("<@", StringComparison.Ordinal);
        if (mention >= 0)
            return HandOff(all[..mention], all[mention..]);
        var words = Words(all);
        var numbers = new List<int>();
        bool every = false, force = false;
        foreach (var word in words)
        {
            var w = word.TrimStart('#').ToLowerInvariant();
            if (w is "all")
                every = true;
            else if (w is "force" or "--force" or "over")
                force = true;
            else if (Number(w) is { } n)
                numbers.Add(n);
            else
                return new(false, false, false, [], word);
        }
        return new(numbers.Count == 0 && !every, every, force, numbers, null);
    }

    /// <summary><c>12 &lt;@U2|name&gt; note…</c>: the numbers before the mention, everything after it is the note.</summary>
    private static TakeArguments HandOff(string before, string from)
    {
        var end = from.IndexOf('>', StringComparison.Ordinal);
        var person = end < 0 ? null : SlackMarkup.Mention(from[..(end + 1)]);
        if (person is null)
            return new(false, false, false, [], from.Split(' ', 2)[0]);
        var numbers = new List<int>();
        foreach (var word in Words(before))
        {
            if (Number(word.TrimStart('#')) is not { } n)
                return new(false, false, false, [], word);
            numbers.Add(n);
        }
        var note = from[(end + 1)..].Trim();
        return new(false, false, false, numbers, null, person, note.Length == 0 ? null : note);
    }

    private static string[] Words(string text) =>
        text.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
