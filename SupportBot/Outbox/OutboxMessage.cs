
namespace SupportBot.Outbox;

/// <summary>
/// A Web API call the bot owes Slack, committed with the change that caused it and delivered by
/// <see cref="OutboxWorker"/>. Messages of one <see cref="Lane"/> (a channel) go out in <see cref="Id"/> order.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>From the outbox's stored sequence (<see cref="OutboxStore.Enqueue"/>): never reused, also after a restart.</summary>
    public long Id { get; set; }

    /// <summary>Ordering scope: the channel for channel messages, a private lane for one-off calls.</summary>
    public string Lane { get; set; } = "";

    /// <summary>A Web API method (<c>chat.postMessage</c>…), <see cref="ResponseUrlMethod"/>, or an <see cref="IOutboxChannel"/>'s method.</summary>
    public string Method { get; set; } = "";

    /// <summary>The call's JSON arguments (for a response URL: the message).</summary>
    public string Args { get; set; } = "{}";

    /// <summary>
    /// For <see cref="ResponseUrlMethod"/>: where to post. For a modal (<c>views.open</c>): the response URL of the
    /// interaction that asked for it, where <see cref="ViewFallback"/> tells the person when Slack does not open it.
    /// </summary>
    public string? ResponseUrl { get; set; }

    /// <summary>For a modal: the user who asked for it, told privately if Slack does not open it (<see cref="ViewFallback"/>).</summary>
    public string? OpenedBy { get; set; }

    /// <summary>For a modal: the channel it was asked for in, where that user is told (a DM without one).</summary>
    public string? OpenedIn { get; set; }

    /// <summary>The ticket whose thread or triage card this message targets or records.</summary>
    public int? TicketNumber { get; set; }

    public OutboxTarget Target { get; set; }

    public OutboxRecord Record { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// Set (and committed) when a post is handed to Slack, cleared when Slack definitely refused it: while set, an
    /// earlier attempt may have been posted (a timeout, a crash before the message was retired), so the next attempt
    /// first looks for this message's <see cref="OutboxTag"/> in the channel.
    /// </summary>
    public DateTime? SendingSince { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Past this instant the call is pointless (a modal's trigger_id lives 3 s).</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Set when Slack refused the call for good; the message stays for an admin to read.</summary>
    public bool Failed { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// While set aside: what has to change for it to go through (<see cref="OutboxCauses"/>: the bot back in a channel,
    /// the token accepted again, the mail server answering). <see cref="OutboxHealing.Heal"/> puts every message of a
    /// cause back in line when it clears; null for a refusal only a person can judge.
    /// </summary>
    public string? Cause { get; set; }

    /// <summary>When it was set aside: the Undelivered page's age.</summary>
    public DateTime? SetAsideAt { get; set; }

    /// <summary>
    /// What this message is, in the team's words ("the resolution message to the customer"), for the notice that
    /// says it was not delivered; null for a plain post. <see cref="OutboxPurposes.Notice"/> marks such a notice.
    /// </summary>
    public string? Purpose { get; set; }

    /// <summary>The Slack user whose action queued it (an engineer's reply, take or solve): told by DM if it is set aside.</summary>
    public string? RequestedBy { get; set; }

    public const string ResponseUrlMethod = "response_url";
}

/// <summary>Where the ticket decides the destination at delivery time, since its thread may not exist yet when queued.</summary>
public enum OutboxTarget
{
    AsGiven,
    /// <summary>Reply in the ticket's customer thread (top-level if the thread was never created).</summary>
    TicketThread,
    /// <summary>Update the ticket's triage card (post a new one if it was never posted).</summary>
    TriageCard,
    /// <summary>Reply under the ticket's triage card (top-level in the support channel if the card is not posted yet).</summary>
    TriageThread,
}

/// <summary>What to remember from Slack's answer.</summary>
public enum OutboxRecord
{
    Nothing,
    TicketThread,
    TriageCard,
    /// <summary>The ts of an escalation post, whose thread is the escalation's discussion.</summary>
    Escalation,
    /// <summary>The DM (channel and ts) offering the ticket by rotation, updated when the offer ends.</summary>
    RotationOffer,
}
