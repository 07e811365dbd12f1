using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Discord.Gateway;

namespace SupportBot.Tests.Discord;

/// <summary>Gateway events as Discord documents them (only the fields the bot reads, plus a few it must ignore).</summary>
public static class DiscordPayloads
{
    public const string Token = "MTE4MzM3NDExNzg2MTA0ODQzMA.GhX3kP.test-token-only";
    public const string Guild = "1183373424912326656";
    public const string HelpText = "1183373425390473257";
    public const string HelpForum = "1183373425810030643";
    public const string General = "1183373426321694750";
    public const string Dana = "1101212384726130778";
    public const string Sam = "1101212390180126770";
    public const string Alex = "1090553418462003220"; // Discord:SupportTeam:0
    public const string Bot = "1183374117861048430";

    private static long _seq;
    private static long _ids = 1_200_000_000_000_000_000;

    public static string NewId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string?> Settings(string? gatewayUrl = null) => new()
    {
        ["Discord:BotToken"] = Token,
        ["Discord:HelpChannels:0"] = HelpText,
        ["Discord:HelpChannels:1"] = HelpForum,
        ["Discord:SupportTeam:0"] = Alex,
        ["Discord:ApiBaseUrl"] = "https://discord.test/api/v10/",
        ["Discord:GatewayUrl"] = gatewayUrl ?? "ws://127.0.0.1:9/",
    };

    public static JsonObject Author(string id, string globalName, bool bot = false) => new()
    {
        ["id"] = id, ["username"] = globalName.ToLowerInvariant().Replace(' ', '.'), ["global_name"] = globalName, ["bot"] = bot,
    };

    public static JsonObject Message(string channel, JsonObject author, string content, string? id = null, string? replyTo = null)
    {
        var message = new JsonObject
        {
            ["id"] = id ?? NewId(), ["channel_id"] = channel, ["guild_id"] = Guild, ["type"] = replyTo is null ? 0 : 19,
            ["content"] = content, ["author"] = author, ["attachments"] = new JsonArray(), ["mention_everyone"] = false,
            ["member"] = new JsonObject { ["nick"] = null, ["roles"] = new JsonArray() },
        };
        if (replyTo is not null)
            message["message_reference"] = new JsonObject { ["message_id"] = replyTo, ["channel_id"] = channel };
        return message;
    }

    public static JsonObject Thread(string id, string parent, string name) => new()
    {
        ["id"] = id, ["type"] = 11, ["guild_id"] = Guild, ["parent_id"] = parent, ["name"] = name, ["newly_created"] = true,
    };

    public static DiscordDispatch Dispatch(string type, JsonObject data) =>
        new(type, Interlocked.Increment(ref _seq), JsonSerializer.Deserialize<JsonElement>(data.ToJsonString()));
}
