using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// What similarity needs of a ticket, copied at commit time: what to embed, and what filters and lists a match (status,
/// customer, subject). The vector is kept beside it in <see cref="TicketVectors"/>.
/// </summary>
public sealed record TicketFacts(int Number, string Subject, string Text, TicketStatus Status, string RequesterId,
    string? Customer, DateTime CreatedAt, bool Mergeable)
{
    public static TicketFacts From(Ticket t) => new(t.Number, t.Subject, SentenceEmbedder.TextOf(t.Subject, t.Description),
        t.Status, t.RequesterId, t.CustomerName, t.CreatedAt, !t.IsTask && t.DuplicateOf is null);

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
