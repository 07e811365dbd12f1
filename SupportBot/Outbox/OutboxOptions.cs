using System.ComponentModel.DataAnnotations;

namespace SupportBot.Outbox;

/// <summary>The <c>Outbox</c> section: how hard to try delivering what the bot owes Slack.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message is set aside as failed (with the default backoff, about a day).</summary>
    [Range(1, 10_000, ErrorMessage = "Outbox:MaxAttempts must be between 1 and 10000.")]
    public int MaxAttempts { get; set; } = 300;

    /// <summary>The longest wait between two attempts when Slack is down.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:MaxBackoff must be between 1 second and 1 hour.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Lanes (channels, mail conversations) delivered at once; messages within one lane always go one by one, in order.
    /// A lane whose call hangs holds one of these until Slack's timeout, never the others.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Outbox:Concurrency must be between 1 and 64.")]
    public int Concurrency { get; set; } = 8;

    /// <summary>How often to ask Slack whether a refused bot token works again (every Slack call waits meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:AuthProbeInterval must be between 1 second and 1 hour.")]
    public TimeSpan AuthProbeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Least time between two messages posted to one channel: Slack allows about one per second per channel and
    /// answers bursts with 429s. Only back-to-back posts wait; a lone message goes at once. Zero turns pacing off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Outbox:PerChannelInterval must be between 00:00:00 (no pacing) and 00:01:00.")]
    public TimeSpan PerChannelInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Posts one channel may take back to back before the spacing applies ("short bursts allowed"); the rate over
    /// time stays one per <see cref="PerChannelInterval"/>. 1 spaces every post.
    /// </summary>
    [Range(1, 10, ErrorMessage = "Outbox:PerChannelBurst must be between 1 and 10.")]
    public int PerChannelBurst { get; set; } = 4;

    /// <summary>
    /// With several replicas: how long a replica holds a channel's lane without renewing it, on the database's clock
    /// (it renews every round, a third of this apart at most, and posts only with a third still left). A replica that
    /// dies leaves its lanes to the others after this, and they look a third of it later at most: 6 s hands a dead
    /// replica's channels over within 8 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "Outbox:LaneLease must be between 00:00:03 and 00:10:00.")]
    public TimeSpan LaneLease { get; set; } = TimeSpan.FromSeconds(6);
}
