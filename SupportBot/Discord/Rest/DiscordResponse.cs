using System.Net;
using System.Text.Json;

namespace SupportBot.Discord.Rest;

/// <summary>
/// What Discord answered one REST call: its status, its JSON body, and for an error Discord's own <see cref="Code"/>
/// and <see cref="Message"/> (10003 Unknown Channel, 160004 thread already created…).
/// </summary>
/// <remarks><see cref="RetryAfter"/>: for a 429 (Discord's, or the bot holding back for a bucket it knows is empty), when to try again.</remarks>
public sealed record DiscordResponse(HttpStatusCode Status, JsonElement? Body, TimeSpan? RetryAfter = null)
{
    public bool RateLimited => (int)Status == 429;

    public bool Ok => (int)Status is >= 200 and < 300;

    public int? Code => Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;

    public string Message => Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
        ? m.GetString() ?? "" : "";

    /// <summary>"400 50035 Invalid Form Body": how logs and the team's notices name the refusal.</summary>
    public override string ToString() => $"{(int)Status}{(Code is { } code ? $" {code}" : "")} {Message}".TrimEnd();
}
