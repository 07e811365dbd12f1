using System.Text.RegularExpressions;

namespace SupportBot.Email;

/// <summary>
/// The new words of a mail reply: what comes before the quoted history its client appended (Gmail's and Apple
/// Mail's "On … wrote:" and "&gt;" lines, Outlook's "From:/Sent:/To:/Subject:" block in its users' languages,
/// "-----Original Message-----") and before the signature ("-- ", RFC 3676). Clients differ in wording only, so
/// each form is a pattern here and the cut is the earliest line any of them matches.
/// </summary>
public static partial class QuotedHistory
{
    public const string OnlyQuoted = "(no new text: only quoted the earlier mail)";

    /// <summary>The new text; <see cref="OnlyQuoted"/> when the mail says nothing but the quote.</summary>
    public static string NewText(string text)
    {
        if (text.Trim().Length == 0)
            return ""; // a mail of attachments only said nothing, it quoted nothing either
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = lines.Length;
        for (var i = 0; i < lines.Length && end == lines.Length; i++)
        {
            if (StartsHistory(lines, i))
                end = i;
        }
        // bottom-posted or trailing quotes ("> " lines after the last new words), and Outlook's rule of underscores
        while (end > 0 && (lines[end - 1].TrimStart().StartsWith('>') || lines[end - 1].Trim().Trim('_').Length == 0))
            end--;
        var words = string.Join('\n', lines[..end]).Trim();
        return words.Length == 0 ? OnlyQuoted : words;
    }

    private static bool StartsHistory(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line is "--" or "-- " || lines[i] == "-- " || OriginalMessage().IsMatch(line))
            return true;
        if (ClientSignature().IsMatch(line) || Attribution().IsMatch(line.TrimStart('>', ' ')))
            return true;
        // an attribution its client wrapped: "On Thu, Dec 3, 2026 at 10:00 AM Acme Support <" + "support@acme.test> wrote:"
        if (AttributionStart().IsMatch(line) && i + 1 < lines.Length && Attribution().IsMatch(line + " " + lines[i + 1].Trim()))
            return true;
        // Outlook's header block, after a rule of underscores or on its own: a From line and two more headers below it
        return HeaderFrom().IsMatch(line) && lines.Skip(i + 1).Take(5).Count(l => HeaderOther().IsMatch(l.Trim())) >= 2;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|Ursprungligt meddelande|Originalmeddelande|Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht|Vidarebefordrat meddelande|元のメッセージ)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Den|Il|Em)\s.{4,300}\b(wrote|schrieb|a écrit|escribió|schreef|skrev|ha scritto|escreveu)\b[^:]{0,200}\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Den|Il|Em)\s.{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(From|Von|De|Från|Van|Da|Fra|Od)\s?:\*?\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Gesendet|Datum|Envoyé|Date|Enviado|Fecha|Skickat|Verzonden|Datum|To|An|À|A|Para|Till|Aan|Cc|Subject|Betreff|Objet|Asunto|Ämne|Onderwerp)\s?:\*?(\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderOther();

    /// <summary>The line a phone or webmail client adds below the words: "Sent from my iPhone", "Von meinem iPhone gesendet".</summary>
    [GeneratedRegex(@"^(Sent from my |Sent from Outlook|Get Outlook for |Von meinem .{2,40} gesendet|Envoyé de mon |Enviado desde mi |Skickat från min |Verzonden met mijn |Verstuurd vanaf mijn )", RegexOptions.IgnoreCase)]
    private static partial Regex ClientSignature();
}
