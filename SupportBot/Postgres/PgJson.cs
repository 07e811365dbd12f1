using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// How records become jsonb: the same fields LiteDB maps (public properties with public setters), enums by name so
/// a row reads plainly in psql, and dates as UTC instants.
/// </summary>
public static class PgJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredFieldsOnly } },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is null");

    // derived properties (Ticket.IsTask, Conversation.Count) are computed, not stored
    private static void StoredFieldsOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in info.Properties.Where(p => p.Set is null).ToList())
            info.Properties.Remove(property);
    }
}

/// <summary>A parameter that goes to a jsonb column.</summary>
public sealed record Jsonb(string Json);
