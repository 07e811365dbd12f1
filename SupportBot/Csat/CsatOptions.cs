namespace SupportBot.Csat;

/// <summary>The <c>Csat</c> section: whether a solved customer ticket asks its requester for a rating.</summary>
public sealed class CsatOptions
{
    public const string Section = "Csat";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The key the rating links in mail and GitHub comments are signed with (at least 32 characters). Unset, a key is
    /// derived from <c>Slack:BotToken</c>, so nothing new must be configured; set it to keep links working across a
    /// bot token rotation.
    /// </summary>
    public string? LinkSecret { get; set; }

    /// <summary>How long a rating link in a mail or GitHub comment works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
