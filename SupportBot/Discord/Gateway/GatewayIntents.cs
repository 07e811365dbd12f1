namespace SupportBot.Discord.Gateway;

/// <summary>The Gateway intents the bot asks for in IDENTIFY: without one of them Discord sends less, silently.</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>GUILD_CREATE and THREAD_CREATE: the server's channels, and forum posts as they are made.</summary>
    Guilds = 1 << 0,

    /// <summary>MESSAGE_CREATE in the server's channels and threads.</summary>
    GuildMessages = 1 << 9,

    /// <summary>Privileged: without it (Developer Portal → Bot → Message Content Intent) messages arrive with empty content.</summary>
    MessageContent = 1 << 15,

    Needed = Guilds | GuildMessages | MessageContent,
}
