using System.ComponentModel.DataAnnotations;

namespace SupportBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Secrets come from the environment, never from a checked-in file.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    [Required(ErrorMessage = "Slack:BotToken (or SLACK_BOT_TOKEN) is required: the bot's xoxb- token from the Slack app's OAuth page.")]
    public string BotToken { get; set; } = "";

    /// <summary>Verifies the HTTP endpoints; required unless <see cref="AppToken"/> is set (Socket Mode needs none).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>): set, the bot runs in Socket Mode.</summary>
    public string AppToken { get; set; } = "";

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    [Required(ErrorMessage = "Slack:ApiBaseUrl is required (default https://slack.com/api/).")]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    [Required(ErrorMessage = "Slack:SupportChannel is required: the id (C…) of #customer-support, where triage cards and SLA reminders go.")]
    public string SupportChannel { get; set; } = "";

    /// <summary>
    /// Optional channel id (C…) of #technical-customer-collaboration, where <c>/status 12 escalate</c> asks the
    /// wider team (seed step 8.1); without it, escalate explains what to set.
    /// </summary>
    public string? CollaborationChannel { get; set; }

    /// <summary>User ids (U…) of the support engineers who may /take and change tickets.</summary>
    public List<string> SupportTeam { get; set; } = [];

    /// <summary>Community help channels: every top-level post there becomes a ticket.</summary>
    public List<string> HelpChannels { get; set; } = [];

    /// <summary>A reaction by a support engineer with this emoji name turns a message into a ticket.</summary>
    public string TicketEmoji { get; set; } = "ticket";

    /// <summary>Optional user group (S…) whose members count as the support team too.</summary>
    public string? SupportGroup { get; set; }

    /// <summary>Whether other apps' bot messages count as people talking (the bot's own messages never do).</summary>
    public bool AllowBots { get; set; }

    public SlackCommandNames Commands { get; set; } = new();

    /// <summary>How long a Slack request's timestamp may differ from our clock (Slack recommends 5 minutes).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long Slack may go unanswered (network errors, 5xx, timeouts), or Socket Mode stay disconnected, before
    /// <c>/health</c> says Degraded: short outages that the outbox rides out are not worth waking anyone for.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Slack:UnreachableAfter must be between 00:00:05 and 1.00:00:00.")]
    public TimeSpan UnreachableAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a person's name from <c>users.info</c> is kept before it is asked again: names change rarely, and
    /// Slack limits how often the bot may ask.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Slack:UserNamesLifetime must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan UserNamesLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Slash command names, configurable because a workspace may already have one. The status command defaults to
/// <c>/ticket</c>: Slack reserves <c>/status</c> and refuses a manifest that registers it.
/// </summary>
public sealed class SlackCommandNames
{
    public string Take { get; set; } = "/take";
    public string Status { get; set; } = "/ticket";
}
