using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// What similarity needs of a ticket, copied at commit time: the fingerprint of the text to embed, and what filters and
/// lists a match (status, customer, subject). The vector is kept beside it in <see cref="TicketVectors"/>. Not the text
/// itself: held for every ticket it was most of the heap (335 MB of strings at 1,000,000 tickets, 90 s after start,
/// still growing); the indexer reads the few texts it embeds from the store instead.
/// </summary>
public sealed record TicketFacts(int Number, string Subject, long Fingerprint, TicketStatus Status, string RequesterId,
    string? Customer, DateTime CreatedAt, bool Mergeable)
{
    public static TicketFacts From(Ticket t) => From(t, TextOf(t));

    public static TicketFacts From(Ticket t, string text) => new(t.Number, t.Subject, SentenceEmbedder.Fingerprint(text),
        t.Status, t.RequesterId, t.CustomerName, t.CreatedAt, !t.IsTask && t.DuplicateOf is null);

    /// <summary>What is embedded of the ticket.</summary>
    public static string TextOf(Ticket t) => SentenceEmbedder.TextOf(t.Subject, t.Description);

    public bool IsOpen => !Status.IsDone();

    public bool IsSolved => Status is TicketStatus.Solved or TicketStatus.Closed;

    /// <summary>Same requester, or the same customer record: whom a duplicate could come from.</summary>
    public bool SameCustomerAs(TicketFacts other) =>
        (RequesterId.Length > 0 && string.Equals(RequesterId, other.RequesterId, StringComparison.Ordinal))
        || (Customer is not null && string.Equals(Customer, other.Customer, StringComparison.Ordinal));
}

/// <summary>A ticket's embedding and the fingerprint of the text it was computed from.</summary>
public sealed record TicketVector(int Number, long Fingerprint, float[] Vector);

/// <summary>A ticket close to another, with their cosine similarity.</summary>
public sealed record VectorMatch(TicketFacts Ticket, float Similarity);
