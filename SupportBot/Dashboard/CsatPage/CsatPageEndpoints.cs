using SupportBot.Csat;
using SupportBot.Csat.Links;
using SupportBot.Dashboard.Html;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.CsatPage;

/// <summary>
/// The page a rating link in a mail or GitHub comment opens: no sign-in (the signed token is the permission), the
/// dashboard's security headers, and a clear 4xx page for any link it cannot use.
/// </summary>
/// <remarks>
/// A GET never records. Mail scanners (Outlook Safe Links, Gmail, corporate gateways) open every link of a mail
/// before the customer does, so a rating counted on GET would be the scanner's, always the first link. The GET shows
/// "You chose Good" with a Confirm button and the comment box; only that form's POST records. No antiforgery cookie
/// is asked for: the POST carries the signed token in its address, and whoever holds it may rate anyway, so there is
/// no session for a cross-site post to ride on.
/// </remarks>
public static class CsatPageEndpoints
{
    private const long MaxForm = 16 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(CsatPageAddress.Path + "/{token}", Show);
        app.MapPost(CsatPageAddress.Path + "/{token}", RecordAsync);
    }

    private static IResult Show(HttpContext c, string token, CsatLinkSigner signer, TicketStore store)
    {
        var (checkedLink, problem) = signer.Check(token);
        if (checkedLink is not { } link)
            return Refusal(problem);
        return store.Find(link.Number) switch
        {
            null or { IsTask: true } => NoTicket(),
            { Csat: { } given } => Html(CsatPageHtml.AlreadyRecorded(link.Number, given.Rating)),
            _ => Html(CsatPageHtml.Confirm(link.Number, link.Rating, token)),
        };
    }

    private static async Task<IResult> RecordAsync(HttpContext c, string token, CsatLinkSigner signer, CsatRecorder recorder)
    {
        var (checkedLink, problem) = signer.Check(token);
        if (checkedLink is not { } link)
            return Refusal(problem);
        if (!c.Request.HasFormContentType || c.Request.ContentLength is null or > MaxForm)
            return Html(CsatPageHtml.Refused("Not a rating", "This page only takes the rating form; open the link from the mail again."),
                StatusCodes.Status400BadRequest);
        var comment = (await c.Request.ReadFormAsync(c.RequestAborted))[CsatPageHtml.CommentField].ToString().Trim();
        if (comment.Length > CsatRecorder.MaxComment)
            return Html(CsatPageHtml.Confirm(link.Number, link.Rating, token,
                $"Please keep the comment under {CsatRecorder.MaxComment} characters; nothing was recorded yet.", comment), StatusCodes.Status400BadRequest);
        return recorder.RateByLink(link.Number, link.Rating, comment) switch
        {
            { Given: null } => NoTicket(),
            { Recorded: true } => Html(CsatPageHtml.Thanks(link.Number, link.Rating, comment.Length > 0)),
            { Given: { } given } => Html(CsatPageHtml.AlreadyRecorded(link.Number, given)),
        };
    }

    private static IResult Refusal(CsatLinkProblem problem) => problem switch
    {
        CsatLinkProblem.Expired => Html(CsatPageHtml.Refused("This link has expired",
            "Rating links work for a limited time after the ticket was solved. Thank you for coming back; reply to our mail if you would still like to tell us something."),
            StatusCodes.Status410Gone),
        CsatLinkProblem.Forged => Html(CsatPageHtml.Refused("This link is not valid",
            "This rating link was not made by us or was changed. Open the link from our mail as it is."), StatusCodes.Status403Forbidden),
        _ => Html(CsatPageHtml.Refused("This link is not complete",
            "Part of the rating link is missing. Open it from our mail again, or copy the whole address."), StatusCodes.Status400BadRequest),
    };

    private static IResult NoTicket() =>
        Html(CsatPageHtml.Refused("No such ticket", "The ticket this link rates no longer exists."), StatusCodes.Status404NotFound);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
