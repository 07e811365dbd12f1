using System.Globalization;

namespace SupportBot.Work;

/// <summary>Cuts user text between grapheme clusters, so an emoji or accented letter is never split.</summary>
public static class Graphemes
{
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= max - 1)
            cut = elements.ElementIndex + ((string)elements.Current).Length;
        return text[..cut] + "…";
    }
}
