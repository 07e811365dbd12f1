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
}
