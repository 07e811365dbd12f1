using System.Text.Json;

namespace SupportBot.Discord.Gateway;

/// <summary>A payload Discord sent: <c>{op, d, s, t}</c>; <c>s</c> and <c>t</c> only on dispatches (op 0).</summary>
public sealed record GatewayFrame(int Op, JsonElement Data, long? Sequence, string? Type)
{
    /// <summary>Null for text that is not a Gateway payload (not JSON, or no integer op): logged and skipped.</summary>
    public static GatewayFrame? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op)
                || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var code))
                return null;
            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            long? seq = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
            var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new GatewayFrame(code, data, seq, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Text(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
}
