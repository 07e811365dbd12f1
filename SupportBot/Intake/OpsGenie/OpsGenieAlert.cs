using System.Text.Json;

namespace SupportBot.Intake.OpsGenie;

/// <summary>The parts of an OpsGenie webhook integration's call the bot uses.</summary>
public sealed record OpsGenieAlert(string Action, string AlertId, string Message, string Description, string? Priority,
    string? User, string? Note, string? UpdatedAt)
{
    public static OpsGenieAlert? Read(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alert", out var alert) || alert.ValueKind != JsonValueKind.Object)
                return null;
            static string? S(JsonElement e, string p) =>
                e.TryGetProperty(p, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null : null;
            if (S(root, "action") is not { Length: > 0 } action || S(alert, "alertId") is not { Length: > 0 } id)
                return null;
            return new OpsGenieAlert(action, id, S(alert, "message") ?? "OpsGenie alert", S(alert, "description") ?? "", S(alert, "priority"),
                S(alert, "username"), S(alert, "note"), S(alert, "updatedAt"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
