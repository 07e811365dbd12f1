using System.Text.RegularExpressions;

namespace SupportBot.Email;

/// <summary>
/// An out-of-office or automatic reply known only by its subject: many responders (Exchange's among them, when
/// relayed) send no Auto-Submitted header, but every one puts its words first, in its user's language. Only a
/// prefix counts, closed by a colon or bracket (or alone), so "Question about our Out of Office: policy" or
/// "Auto renewal failed" stays a request.
/// </summary>
public static partial class AutoReplySubject
{
    /// <summary>The auto-reply words the subject starts with, or null.</summary>
    public static string? Of(string? subject)
    {
        var m = Prefix().Match(subject ?? "");
        return m.Success ? m.Groups["words"].Value : null;
    }

    // English, German, French, Spanish, Dutch, Swedish, Japanese (also in 【】 brackets, as Japanese clients write it)
    [GeneratedRegex(@"^\s*[\[【(（]?\s*(?<words>Out of Office( AutoReply)?|Automatic reply|Auto-?reply|Auto|Abwesenheitsnotiz|Automatische Antwort|Abwesend|Absence du bureau|Réponse automatique|Respuesta automática|Fuera de la oficina|Automatisch antwoord|Afwezig|Autosvar|Frånvaro|Frånvarande|自動応答|自動返信|不在)\s*([:：\]】)）]|のお知らせ|通知|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
