using System.Text.Json;

namespace SupportBot.Slack.Payloads;

/// <summary>
/// System.Text.Json parses JSON whose strings hold invalid UTF-8 or lone surrogate escapes (<c>"\ud800"</c>), and
/// only throws when such a string is read: inside whichever handler reads it first, long after the request was
/// acknowledged. Checking every string once at the door keeps that text out.
/// </summary>
public static class ReadableJson
{
    /// <summary>True when <paramref name="json"/> is JSON and every string and property name in it decodes to text.</summary>
    public static bool IsReadable(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    _ = reader.GetString();
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
