using System.Globalization;

namespace SupportBot.Tickets.Status;

/// <summary>
/// The words after <c>/status</c>: nothing (my tickets), <c>12</c> (one ticket), <c>12 word rest…</c> (a ticket
/// subcommand such as a status change or a note), <c>word rest…</c> (a subcommand such as <c>team</c>).
/// </summary>
public sealed record StatusArguments(int? Number, string? Word, string Rest)
{
    public static StatusArguments Parse(string? text)
    {
        var (first, rest) = NextWord((text ?? "").Trim());
        if (first.Length == 0)
            return new(null, null, "");
        if (!int.TryParse(first.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return WithWord(null, first, rest);
        var (word, tail) = NextWord(rest);
        return word.Length == 0 ? new(number, null, "") : WithWord(number, word, tail);
    }

    private static StatusArguments WithWord(int? number, string word, string rest)
    {
        var lower = word.ToLowerInvariant();
        // "on hold" is two words; everything after the status is the note
        if (lower == "on")
        {
            var (next, tail) = NextWord(rest);
            if (next.Equals("hold", StringComparison.OrdinalIgnoreCase))
                return new(number, "on-hold", tail);
        }
        return new(number, lower, rest);
    }

    private static (string Head, string Tail) NextWord(string text)
    {
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => ("", ""),
            1 => (parts[0], ""),
            _ => (parts[0], parts[1]),
        };
    }
}
