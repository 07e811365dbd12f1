using System.Globalization;

namespace SupportBot.Tickets.Status;

/// <summary>
/// The words after <c>/status</c>: nothing (my tickets), <c>12</c> (one ticket), <c>12 pending [note]</c>
/// (a change), <c>setup</c> (post the request button here), <c>help</c>.
/// </summary>
public sealed record StatusArguments(int? Number, string? StatusWord, TicketStatus? NewStatus, string? Note, string? Keyword)
{
    /// <summary>A note reads as the engineer wrote it: with should_escape on, Slack sends @alice as &lt;@U123|alice&gt;.</summary>
    private static string? Readable(string? text) => text is null ? null : Slack.SlackMarkup.Readable(text);

    public static StatusArguments Parse(string? text)
    {
        var rest = (text ?? "").Trim();
        if (rest.Length == 0)
            return new(null, null, null, null, null);
        var words = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = words[0].TrimStart('#');
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return new(null, null, null, null, words[0].ToLowerInvariant());
        if (words.Length == 1)
            return new(number, null, null, null, null);
        var tail = words[1];
        // "on hold" is two words; everything after the status word is the note
        var parts = tail.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length >= 2 && parts[0].Equals("on", StringComparison.OrdinalIgnoreCase) && parts[1].Equals("hold", StringComparison.OrdinalIgnoreCase))
            return new(number, "on hold", TicketStatus.OnHold, Readable(parts.Length == 3 ? parts[2] : null), null);
        var split = tail.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new(number, split[0], TicketStatusNames.Parse(split[0]), Readable(split.Length == 2 ? split[1] : null), null);
    }
}
