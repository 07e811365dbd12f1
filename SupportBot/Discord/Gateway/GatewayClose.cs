using System.Net.WebSockets;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// Discord's close codes (Opcodes and Status Codes → Gateway Close Event Codes) read as what to do next. Codes that
/// a reconnect cannot fix are fatal, so the bot does not hammer Discord with a bad token or an intent it lacks.
/// </summary>
public static class GatewayClose
{
    /// <summary>
    /// The code the bot closes with when it means to resume: Discord ends the session on 1000 and 1001, so those are
    /// kept for shutting down.
    /// </summary>
    public const WebSocketCloseStatus Resuming = (WebSocketCloseStatus)4000;

    private const string Portal = "the Discord Developer Portal → your application → Bot";

    public static GatewayEnd After(int? code, string? reason) => code switch
    {
        4004 => GatewayEnd.Fatal($"Discord refused Discord:BotToken (close 4004, authentication failed): set it to the bot's token from {Portal} → Reset Token"),
        4010 or 4011 => GatewayEnd.Fatal($"Discord refused the connection's sharding (close {code}): the bot runs one shard; a server this large needs sharding, which SupportBot does not do"),
        4012 => GatewayEnd.Fatal("Discord refused Gateway API version 10 (close 4012): check Discord:GatewayUrl"),
        4013 => GatewayEnd.Fatal("Discord refused the intents (close 4013, invalid intents): the bot asks for GUILDS, GUILD_MESSAGES and MESSAGE_CONTENT"),
        4014 => GatewayEnd.Fatal($"Discord refused the privileged MESSAGE_CONTENT intent (close 4014, disallowed intents): enable Message Content Intent under {Portal} → Privileged Gateway Intents"),
        4007 or 4009 => GatewayEnd.Identify($"Discord closed the connection ({code}: the session cannot be resumed)"),
        _ => GatewayEnd.Resume($"Discord closed the connection ({code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"}{(string.IsNullOrEmpty(reason) ? "" : ": " + reason)})"),
    };
}
