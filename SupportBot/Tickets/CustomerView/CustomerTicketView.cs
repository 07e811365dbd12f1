using SupportBot.Slack.Users;
using SupportBot.Tickets.Resolution;
using SupportBot.Tickets.Status;

namespace SupportBot.Tickets.CustomerView;

/// <summary>
/// Everything a customer may see of a ticket, and nothing else: every path that speaks to a customer about a ticket
/// (<c>/ticket N</c> and <c>/ticket</c>, App Home, the resolution message) reads it from here, so an internal field
/// (notes, escalations, Tasks, history lines, priority, the CE, the customer's tier, a security link) cannot reach
/// them by being added to one of those paths.
/// </summary>
/// <param name="HelpedBy">The assignee's display name; "a support engineer" until Slack has told us the name.</param>
/// <param name="LastUpdateAt">
/// The latest moment the customer could see something happen: the ticket's creation, a reply in its conversation (the
/// customer's or the team's public one) or a status change. Internal notes, escalations, Tasks, priority and other
/// history lines never move it: a later time would itself tell the customer that the team did something unseen.
/// </param>
/// <param name="ResolutionLink">The public issue link (defect, workaround, feature request); never a security issue's.</param>
public sealed record CustomerTicketView(int Number, string Subject, string Status, string HelpedBy,
    DateTime CreatedAt, DateTime LastUpdateAt, string? ResolutionLink)
{
    public const string NotYetAssigned = "not yet assigned";
    public const string UnnamedEngineer = "a support engineer";

    public static CustomerTicketView Of(Ticket t, SlackUserDirectory names) => new(
        t.Number,
        names.Readable(t.Subject),
        CustomerStatus.Words(t.Status),
        t.AssigneeId is { } id ? names.Known(id) ?? UnnamedEngineer : NotYetAssigned,
        t.CreatedAt,
        LastUpdate(t),
        PublicLink(t));

    /// <summary>The resolution's link when a customer may follow it; the one test of that, for every message.</summary>
    public static string? PublicLink(Ticket t) =>
        t.Resolution is { Link: { } link } r && r.Path.LinkIsPublic() ? link : null;

    private static DateTime LastUpdate(Ticket t)
    {
        var statusChanges = t.History.Where(StatusHistory.IsStatusChange).Select(h => h.At);
        DateTime?[] replies = [t.Conversation.LastCustomerReplyAt, t.Conversation.LastTeamReplyAt];
        return statusChanges.Concat(replies.OfType<DateTime>()).Append(t.CreatedAt).Max();
    }
}
