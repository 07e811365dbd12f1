using SupportBot.Csat;
using SupportBot.Dashboard.Html;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.CsatPage;

/// <summary>The public rating page's words: the page frame without the team's navigation, and no ticket text.</summary>
public static class CsatPageHtml
{
    public const string CommentField = "comment";

    /// <summary>"You chose Good": a Confirm button and the optional comment, posted back to the same link.</summary>
    public static string Confirm(int number, CsatRating rating, string token, string? problem = null, string comment = "") =>
        Page($"How did we do on #{N(number)}?",
            (problem is null ? "" : $"<p class=\"overdue\" id=\"problem\" role=\"alert\">{E(problem)}</p>") +
            $"<p>You chose <strong>{E(CsatQuestion.Label(rating))}</strong>. Confirm it, with a comment if you like.</p>" +
            $"<form method=\"post\" action=\"{CsatPageAddress.Path}/{E(Uri.EscapeDataString(token))}\" class=\"rating\">" +
            $"<label for=\"{CommentField}\">Comment (optional)</label>" +
            $"<textarea id=\"{CommentField}\" name=\"{CommentField}\" rows=\"5\" maxlength=\"{N(CsatRecorder.MaxComment)}\"" +
            $"{(problem is null ? "" : " aria-describedby=\"problem\"")}>{Value(comment)}</textarea>" +
            $"<p><button type=\"submit\">Confirm {E(CsatQuestion.Label(rating))}</button></p></form>");

    public static string Thanks(int number, CsatRating rating, bool commented) =>
        Page("Thank you", $"<p>We recorded <strong>{E(CsatQuestion.Label(rating))}</strong> for #{N(number)}" +
            (commented ? ", with your comment." : ".") + " Thank you for telling us.</p>");

    public static string AlreadyRecorded(int number, CsatRating given) =>
        Page("Already recorded, thanks", $"<p>The rating for #{N(number)} is already recorded " +
            $"(<strong>{E(CsatQuestion.Label(given))}</strong>), so this answer changes nothing. Thank you!</p>");

    public static string Refused(string title, string why) => Page(title, $"<p>{E(why)}</p>");

    private static string Page(string title, string body) => Layout.Page(title, "", body, userId: null, antiforgery: null);
}
