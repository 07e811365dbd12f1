using Microsoft.Extensions.Options;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary>
/// A new 🎫 or #help ticket with a poor subject (<see cref="SubjectQuality"/>) gets a model job in the same commit that
/// made it: intake never waits for the model, and the request is not lost if the app stops before it runs.
/// </summary>
public sealed class SubjectHook(IOptions<AiOptions> options) : ITicketsChangedHook
{
    public void OnChanging(TicketChangeSet set)
    {
        if (!options.Value.Enabled)
            return;
        foreach (var ticket in set.Inserted.DistinctBy(t => t.Number))
        {
            if (ticket.Source is TicketSource.EmojiReaction or TicketSource.CommunityHelp && !TicketPrompt.IsSecurity(ticket)
                && SubjectQuality.IsPoor(ticket.Subject, ticket.Description))
                set.Send(new AiJob(AiPurpose.Subject, ticket.Number, Subject: ticket.Subject).ToOutbox());
        }
    }
}
