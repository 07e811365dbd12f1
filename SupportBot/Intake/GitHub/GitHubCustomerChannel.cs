using SupportBot.Outbox;
using SupportBot.Tickets;

namespace SupportBot.Intake.GitHub;

/// <summary>Answers a GitHub ticket's customer with a comment on the issue.</summary>
public sealed class GitHubCustomerChannel : ICustomerChannel
{
    public ConversationKind Kind => ConversationKind.GitHub;

    /// <summary>Comments are always queued; without Intake:GitHub:Token the channel logs and drops them at delivery.</summary>
    public bool CanSend => true;

    public OutboxMessage? Compose(Ticket ticket, string text) => GitHubComments.Comment(ticket, text);
}
