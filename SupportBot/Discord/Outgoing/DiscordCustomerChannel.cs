using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Tickets;

namespace SupportBot.Discord.Outgoing;

/// <summary>Answers a Discord ticket's customer with a post in the ticket's thread.</summary>
public sealed class DiscordCustomerChannel(IOptions<DiscordOptions> options) : ICustomerChannel
{
    public ConversationKind Kind => ConversationKind.Discord;

    public bool CanSend => options.Value.Enabled;

    public OutboxMessage? Compose(Ticket ticket, string text) => DiscordPost.To(ticket, text);
}
