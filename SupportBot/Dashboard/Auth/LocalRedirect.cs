using System.Globalization;
using System.Text;

namespace SupportBot.Dashboard.Auth;

/// <summary>
/// Where the sign-in link may send the browser: a plain path of this site, or <c>/</c>. Browsers forgive a lot
/// (Chromium drops a tab in <c>/%09/evil.example</c> and lands on <c>//evil.example</c>; a <c>\</c> reads as
/// <c>/</c>), so the value is checked as given, and its path after each round of percent-decoding (something on the
/// way may decode it again), and refused on any doubt.
/// </summary>
public static class LocalRedirect
{
    public const string Home = "/";

    /// <summary>Longer than any page's path and query; a longer value is refused rather than looked at.</summary>
    public const int MaxLength = 2000;

    /// <summary>Rounds of percent-decoding; a value still changing after that is refused.</summary>
    private const int MaxDecodings = 4;

    /// <summary><paramref name="next"/> made safe for a Location header (non-ASCII percent-encoded), or <see cref="Home"/>.</summary>
    public static string Resolve(string? next) => IsLocalPath(next) ? AsciiOnly(next!) : Home;

    public static bool IsLocalPath(string? next)
    {
        if (string.IsNullOrEmpty(next) || next.Length > MaxLength)
            return false;
        if (!IsPlainPath(next))
            return false; // what goes into Location: wholly plain
        // decoded, only the path says where a browser goes; a query's "Acme%20Corp" is data, and goes on still encoded
        var form = next[..(next.IndexOfAny(['?', '#']) is var end and >= 0 ? end : next.Length)];
        for (var round = 0; round < MaxDecodings; round++)
        {
            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form)
                return true;
            form = decoded;
            if (!IsPlainPath(form))
                return false;
        }
        return false;
    }

    /// <summary>One '/', then no second '/' or '\' anywhere a browser could read a host from, and nothing invisible.</summary>
    private static bool IsPlainPath(string form) =>
        form.Length > 0 && form[0] == '/' && (form.Length == 1 || form[1] != '/') && !form.Contains('\\', StringComparison.Ordinal) && AllVisible(form);

    /// <summary>
    /// No control, format (bidi overrides, zero-width), unassigned or private character, no space or line break of
    /// any kind, and no half of a surrogate pair.
    /// </summary>
    private static bool AllVisible(string form)
    {
        for (var i = 0; i < form.Length; i += char.IsSurrogatePair(form, i) ? 2 : 1)
        {
            if (!Rune.TryGetRuneAt(form, i, out var rune) || Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
                or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                return false;
        }
        return true;
    }

    /// <summary>A header value is ASCII: anything else goes as its UTF-8 bytes, percent-encoded, as a browser would send it.</summary>
    private static string AsciiOnly(string path)
    {
        if (path.All(char.IsAscii))
            return path;
        var ascii = new StringBuilder(path.Length * 2);
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii)
                ascii.Append((char)rune.Value);
            else
                ascii.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return ascii.ToString();
    }
}
