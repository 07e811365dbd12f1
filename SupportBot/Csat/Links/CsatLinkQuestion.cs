using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Csat.Links;

/// <summary>
/// The rating question for a customer who talks by mail or on GitHub: one signed link per rating, each on its own
/// line, since a mail or a comment has no buttons. Null when the app has no public address: then the customer gets
/// the Slack question's plain text, as before (a reply by mail is read as a customer reply, never as a rating).
/// </summary>
public sealed class CsatLinkQuestion(CsatLinkSigner signer, ICsatPageAddress page)
{
    public SlackMessage? Build(Ticket ticket)
    {
        var lines = new List<string>();
        foreach (var rating in Enum.GetValues<CsatRating>())
        {
            if (page.Of(signer.Issue(ticket.Number, rating)) is not { } url)
                return null;
            // <url> is Slack's link form: CustomerText.Plain turns it into the bare address mail clients and GitHub link
            lines.Add($"{CsatQuestion.Label(rating)}: <{url}>");
        }
        var number = ticket.Number.ToString(CultureInfo.InvariantCulture);
        return new SlackMessage($"How did we do on #{number}? Open the link that fits; you can add a comment there.\n" + string.Join('\n', lines));
    }
}
