using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Csat;

/// <summary>
/// Stores a rating or its comment; only the requester counts, once per ticket, whether by a Slack button or by a
/// signed link in a mail or GitHub comment: the first answer is kept, any later one changes nothing.
/// </summary>
public sealed class CsatRecorder(TicketStore store)
{
    public const int MaxComment = 1000;

    /// <summary>Returns the answer for the person who clicked, and whether the rating was recorded.</summary>
    public (bool Recorded, string Answer) Rate(int number, string userId, CsatRating rating) => store.Change(set =>
    {
        var ticket = set.Find(number);
        if (ticket is null)
            return (false, $"I can't find ticket #{number} any more.");
        if (ticket.RequesterId != userId)
            return (false, $"Thanks, but only the person who asked for help on #{number} can rate it.");
        if (ticket.Csat is { } given)
            return (false, $"You already rated #{number} {CsatQuestion.Label(given.Rating)}. Thank you!");
        Record(set, ticket, userId, rating, "");
        set.Update(ticket);
        return (true, $"Thank you for rating #{number} {CsatQuestion.Label(rating)}.");
    });

    /// <summary>
    /// A signed link's answer, counted as the requester's (the link went only to them), with its optional comment in
    /// the same change. <see cref="LinkRating.Given"/> is the rating the ticket holds afterwards.
    /// </summary>
    public LinkRating RateByLink(int number, CsatRating rating, string comment) => store.Change(set =>
    {
        if (set.Find(number) is not { IsTask: false } ticket)
            return new LinkRating(false, null);
        if (ticket.Csat is { } given)
            return new LinkRating(false, given.Rating);
        Record(set, ticket, ticket.RequesterId, rating, ", from the link");
        if (comment.Length > 0)
            AddComment(ticket, set.Now, comment);
        set.Update(ticket);
        return new LinkRating(true, rating);
    });

    /// <summary>Adds the requester's comment to their rating (once); false when there is nothing to add it to.</summary>
    public bool Comment(int number, string userId, string comment) => store.Change(set =>
    {
        var ticket = set.Find(number);
        if (ticket?.Csat is not { } csat || csat.UserId != userId || csat.Comment is not null || comment.Length == 0)
            return false;
        AddComment(ticket, set.Now, comment);
        set.Update(ticket);
        return true;
    });

    private static void Record(TicketChangeSet set, Ticket ticket, string userId, CsatRating rating, string how)
    {
        ticket.Csat = new TicketCsat { Rating = rating, UserId = userId, At = set.Now };
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = userId, What = $"Rated {CsatQuestion.Label(rating)} (CSAT{how})" });
    }

    private static void AddComment(Ticket ticket, DateTime now, string comment)
    {
        ticket.Csat!.Comment = comment;
        ticket.History.Add(new TicketHistoryEntry { At = now, ActorId = ticket.Csat.UserId, What = $"CSAT comment: {SlackText.Quote(comment, 200)}" });
    }
}

/// <summary>A link's outcome: whether it recorded, and the ticket's rating now (null: no such ticket).</summary>
public sealed record LinkRating(bool Recorded, CsatRating? Given);
