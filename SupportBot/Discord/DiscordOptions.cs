namespace SupportBot.Discord;

/// <summary>
/// The <c>Discord</c> section: a Discord server's help channels as a way in for customers. Off while
/// <see cref="BotToken"/> is unset.
/// </summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot user's token (Developer Portal → Bot): REST sends it as <c>Bot &lt;token&gt;</c>, the Gateway bare.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// Channel ids: a text channel, where every top-level message is a ticket, or a forum, where every new post is.
    /// </summary>
    public List<string> HelpChannels { get; set; } = [];

    /// <summary>Discord user ids of the support team: their messages in a ticket's thread are the team's answers.</summary>
    public List<string> SupportTeam { get; set; } = [];

    /// <summary>The REST API's base address, version included (tests point it at a fake).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>The Gateway's address (tests point it at a fake); the bot adds <c>?v=10&amp;encoding=json</c>.</summary>
    public Uri GatewayUrl { get; set; } = new("wss://gateway.discord.gg/");

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
