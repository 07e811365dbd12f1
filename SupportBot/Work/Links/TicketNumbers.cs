using System.Globalization;

namespace SupportBot.Work.Links;

/// <summary>The other ticket of <c>/ticket 12 merge 15</c> or <c>link #15</c>: one number, with or without its #.</summary>
public static class TicketNumbers
{
    public static int? Parse(string text)
    {
        var word = text.Trim();
        return word.Length > 0 && !word.Contains(' ', StringComparison.Ordinal)
            && int.TryParse(word.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number : null;
    }
}
