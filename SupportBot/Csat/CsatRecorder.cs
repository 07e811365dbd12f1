using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Csat;

/// <summary>Stores a rating or its comment; only the requester counts, once per ticket.</summary>
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
        ticket.Csat = new TicketCsat { Rating = rating, UserId = userId, At = set.Now };
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = userId, What = $"Rated {CsatQuestion.Label(rating)} (CSAT)" });
        set.Update(ticket);
        return (true, $"Thank you for rating #{number} {CsatQuestion.Label(rating)}.");
    });

    /// <summary>Adds the requester's comment to their rating (once); false when there is nothing to add it to.</summary>
    public bool Comment(int number, string userId, string comment) => store.Change(set =>
    {
        var ticket = set.Find(number);
        if (ticket?.Csat is not { } csat || csat.UserId != userId || csat.Comment is not null || comment.Length == 0)
            return false;
        csat.Comment = comment;
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = userId, What = $"CSAT comment: {SlackText.Quote(comment, 200)}" });
        set.Update(ticket);
        return true;
    });
}
