namespace SupportBot.Outbox;

/// <summary>
/// Where a ticket's messages go, looked up at the moment of delivery (its thread or triage card may have been posted
/// since the message was queued), and where Slack's answer is remembered. The ticket domain implements it, so the
/// outbox knows ticket numbers but not tickets.
/// </summary>
public interface ITicketAddresses
{
    TicketAddress? Find(int ticketNumber);

    /// <summary>
    /// Records the ts Slack gave (<paramref name="record"/> says as what) and deletes the message, in one commit: a
    /// crash between them would post it twice. <paramref name="channel"/> is the channel Slack posted in (a DM's D… id
    /// for a post to a user id), which a later <c>chat.update</c> must name.
    /// </summary>
    void RememberAndRetire(OutboxMessage message, int ticketNumber, OutboxRecord record, string ts, string? channel);
}

/// <summary>A ticket's places in Slack: its customer channel and thread, and its triage card in #customer-support.</summary>
/// <remarks><paramref name="PageUrl"/>: the ticket's dashboard page, where a message cut to Slack's limit points.</remarks>
public sealed record TicketAddress(int Number, string ChannelId, string? ThreadTs, string? TriageTs, string? PageUrl = null);
