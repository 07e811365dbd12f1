using System.Text.Json;
using SupportBot.Outbox;

namespace SupportBot.Ai;

/// <summary>
/// A model call owed, committed in the outbox before Slack's acknowledgement and made after it by
/// <see cref="AiJobChannel"/>: the request survives a restart, and no Slack answer waits for the model.
/// <paramref name="UserId"/>, <paramref name="ChannelId"/> and <paramref name="ResponseUrl"/> say where the engineer
/// is answered; <paramref name="Subject"/> is a new ticket's subject as it was when the job was queued.
/// </summary>
public sealed record AiJob(AiPurpose Purpose, int Number, string? UserId = null, string? ChannelId = null,
    string? ResponseUrl = null, string? Subject = null)
{
    public const string Method = "ai.ask";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// One lane per engineer (their own requests in order, never behind another's slow call), one for subjects.
    /// </summary>
    public OutboxMessage ToOutbox() => new()
    {
        Lane = "ai:" + (UserId ?? "subjects"),
        Method = Method,
        Args = JsonSerializer.Serialize(this, Json),
        TicketNumber = Number,
        RequestedBy = UserId,
    };

    public static AiJob? From(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<AiJob>(message.Args, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
