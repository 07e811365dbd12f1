namespace SupportBot.Outbox;

/// <summary>A lane (channel) of the outbox and the replica delivering it until <see cref="LeaseUntil"/>.</summary>
public sealed class OutboxLane
{
    public string Lane { get; set; } = "";

    public string? Owner { get; set; }

    public DateTime LeaseUntil { get; set; } = DateTime.MinValue;

    /// <summary>The fencing token: changed whenever the lane changes hands.</summary>
    public long Version { get; set; }
}
