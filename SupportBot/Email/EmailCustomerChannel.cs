using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Tickets;

namespace SupportBot.Email;

/// <summary>Answers an email ticket's customer with a mail in its thread.</summary>
public sealed class EmailCustomerChannel(IOptions<EmailOptions> options) : ICustomerChannel
{
    public ConversationKind Kind => ConversationKind.Email;

    public bool CanSend => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public OutboxMessage? Compose(Ticket ticket, string text) => OutgoingMail.Reply(ticket, text);
}
