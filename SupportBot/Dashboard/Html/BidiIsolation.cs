namespace SupportBot.Dashboard.Html;

/// <summary>
/// Keeps a piece of user text from reordering what is around it: a customer named "Evil‮ Corp" (U+202E, right-to-left
/// override) would otherwise draw the rest of its line backwards, and right-to-left letters pull neighbouring digits
/// and punctuation into their run. Text that has either is put between FIRST STRONG ISOLATE and POP DIRECTIONAL
/// ISOLATE, the plain-text form of <c>&lt;bdi&gt;</c>, which also works inside attributes and tooltips.
/// </summary>
public static class BidiIsolation
{
    private const char Fsi = '\u2068', Pdi = '\u2069';

    public static string Isolate(string text)
    {
        if (!text.Any(Directional))
            return text;
        // the text's own isolates are balanced, so none of its PDIs can end ours early and none is left open after it
        var result = new System.Text.StringBuilder(text.Length + 4).Append(Fsi);
        var open = 0;
        foreach (var c in text)
        {
            if (c is '\u2066' or '\u2067' or Fsi)
                open++;
            else if (c == Pdi && open-- == 0)
            {
                open = 0;
                continue;
            }
            result.Append(c);
        }
        return result.Append(Pdi, open + 1).ToString();
    }

    /// <summary>Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms) and directional controls.</summary>
    private static bool Directional(char c) => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC')
        or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        // high surrogates of the supplementary right-to-left blocks (U+10800–U+10FFF, U+1E800–U+1EFFF)
        or '\uD802' or '\uD803' or '\uD83A' or '\uD83B';
}
