using SupportBot.Outbox;

namespace SupportBot.Tickets;

/// <summary>
/// A way to answer customers outside Slack (mail, GitHub comments), implemented by the feature that owns it and
/// used by <see cref="CustomerMessages"/> for tickets whose conversation is of its <see cref="Kind"/>.
/// </summary>
public interface ICustomerChannel
{
    ConversationKind Kind { get; }

    /// <summary>Whether answers can go out this way at all (mail: an SMTP server is configured).</summary>
    bool CanSend { get; }

    /// <summary>The message that says <paramref name="text"/> (plain text) to the ticket's customer; null without an address.</summary>
    OutboxMessage? Compose(Ticket ticket, string text);

    /// <summary>
    /// An engineer's answer (plain text): by default the message <see cref="Compose"/> makes, told as sent. A channel
    /// whose server may hold it (a mail server) says instead that it is queued, and reports under the triage card
    /// once the server took it.
    /// </summary>
    CustomerAnswer? Answer(Ticket ticket, string text, string engineerId) =>
        Compose(ticket, text) is { } message ? new CustomerAnswer(message) : null;
}

/// <summary>
/// An engineer's answer on its way to the customer. <paramref name="Queued"/>: what the engineer is told instead of
/// "Sending…" when delivery waits on a server the bot does not control; <paramref name="Heading"/>: the triage
/// thread's words over the mirrored answer instead of "answered the customer".
/// </summary>
public sealed record CustomerAnswer(OutboxMessage Message, string? Queued = null, string? Heading = null);
