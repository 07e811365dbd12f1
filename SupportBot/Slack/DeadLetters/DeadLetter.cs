
namespace SupportBot.Slack.DeadLetters;

public enum DeadLetterKind
{
    Event,
    Interaction,
}

/// <summary>An event or interaction the bot acknowledged but could not act on, kept with its reason for an operator.</summary>
public sealed class DeadLetter
{
    public long Id { get; set; }

    public DeadLetterKind Kind { get; set; }

    /// <summary>The event id, or a view id / trigger id for an interaction.</summary>
    public string SourceId { get; set; } = "";

    public string Type { get; set; } = "";
    public string Json { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}
