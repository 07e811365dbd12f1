using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// A line for an engineer's own answer when the customer's channel already refuses the bot: what they just did will
/// not reach the customer until that is fixed, so "#1 is now Solved" must not read as "the customer was told".
/// </summary>
public static class UndeliveredWarning
{
    public static string For(IStoreSession session, Ticket ticket)
    {
        if (ticket.Talks != ConversationKind.Slack)
            return "";
        var refused = session.Outbox.SetAside().FirstOrDefault(m => OutboxCauses.ChannelOf(m.Cause) == ticket.ChannelId);
        return refused is null
            ? ""
            : $"\n:warning: The customer will not see it yet: {OutboxCauses.Explain(refused.LastError ?? "", ticket.ChannelId)}.";
    }
}
