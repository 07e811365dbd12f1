
namespace SupportBot.Slack.Events;

/// <summary>An Events API callback as received; its <c>event_id</c> is the key, so Slack's retries are no-ops.</summary>
public sealed class StoredEvent
{
    public string EventId { get; set; } = "";

    /// <summary>Arrival order; timestamps alone tie within a millisecond.</summary>
    public long Sequence { get; set; }

    public string Type { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>With replicas sharing the store: until when the replica that claimed the event is handling it.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
