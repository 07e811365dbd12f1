using System.Text.Json;

namespace SupportBot.Slack.Payloads;

/// <summary>
/// The JSON in the <c>payload</c> field of an interactivity request: block_actions, message_action,
/// shortcut, view_submission or view_closed. Only the fields the bot reads are modelled.
/// </summary>
public sealed record InteractionPayload
{
    public string Type { get; init; } = "";
    public string? CallbackId { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? MessageTs { get; init; }
    public PayloadUser? User { get; init; }
    public PayloadChannel? Channel { get; init; }
    public PayloadContainer? Container { get; init; }
    public PayloadMessage? Message { get; init; }
    public IReadOnlyList<PayloadAction>? Actions { get; init; }
    public PayloadView? View { get; init; }

    /// <summary>The channel a payload came from, wherever Slack put it.</summary>
    public string? ChannelId => Channel?.Id ?? Container?.ChannelId;

    /// <summary>The payload (an HTTP form's <c>payload</c> field, or a Socket Mode <c>interactive</c> envelope's), or why it is not one.</summary>
    public static (InteractionPayload? Payload, string? Problem) Read(string json)
    {
        InteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<InteractionPayload>(json, SlackJson.Options);
        }
        catch (JsonException)
        {
            return (null, "The payload field is not valid JSON.");
        }
        if (payload is null || string.IsNullOrEmpty(payload.Type) || string.IsNullOrEmpty(payload.User?.Id))
            return (null, "The payload needs a type and a user with an id.");
        return (payload, null);
    }
}

public sealed record PayloadUser(string Id, string? Username = null, string? Name = null);

public sealed record PayloadChannel(string Id, string? Name = null);

public sealed record PayloadContainer(string? Type = null, string? MessageTs = null, string? ChannelId = null, bool? IsEphemeral = null);

public sealed record PayloadMessage(string? Ts = null, string? ThreadTs = null, string? Text = null, string? User = null, string? BotId = null);

public sealed record PayloadAction(string ActionId, string? BlockId = null, string? Value = null, string? ActionTs = null);

/// <summary>A modal as submitted; <see cref="Id"/> and <see cref="Hash"/> (which changes on each update) name one submission.</summary>
public sealed record PayloadView(string? Id = null, string? CallbackId = null, string? PrivateMetadata = null, ViewState? State = null,
    string? Hash = null);

public sealed record ViewState(Dictionary<string, Dictionary<string, ViewStateValue>>? Values = null)
{
    /// <summary>The value of the element <paramref name="actionId"/> in block <paramref name="blockId"/>.</summary>
    public ViewStateValue? Get(string blockId, string actionId) =>
        Values is not null && Values.TryGetValue(blockId, out var block) && block is not null && block.TryGetValue(actionId, out var v) ? v : null;
}

public sealed record ViewStateValue(string? Type = null, string? Value = null, SelectedOption? SelectedOption = null);

public sealed record SelectedOption(string? Value = null, JsonElement? Text = null);
