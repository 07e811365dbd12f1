using System.Text.Json.Nodes;

namespace SupportBot.Discord.Gateway;

/// <summary>What the bot sends on the Gateway. IDENTIFY and RESUME carry the token bare (REST prefixes it with <c>Bot</c>).</summary>
public static class GatewayPayloads
{
    public static JsonObject Heartbeat(long? lastHandled) => Op(GatewayOp.Heartbeat, lastHandled is { } seq ? JsonValue.Create(seq) : null);

    public static JsonObject Identify(string token) => Op(GatewayOp.Identify, new JsonObject
    {
        ["token"] = token,
        ["intents"] = (int)GatewayIntents.Needed,
        ["properties"] = new JsonObject { ["os"] = OsName, ["browser"] = "SupportBot", ["device"] = "SupportBot" },
    });

    public static JsonObject Resume(string token, string sessionId, long seq) => Op(GatewayOp.Resume, new JsonObject
    {
        ["token"] = token,
        ["session_id"] = sessionId,
        ["seq"] = seq,
    });

    private static string OsName => OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    private static JsonObject Op(int op, JsonNode? data) => new() { ["op"] = op, ["d"] = data };
}
