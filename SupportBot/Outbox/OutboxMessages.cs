using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Outbox;

/// <summary>Builds the outbox entries for the calls the bot makes.</summary>
public static class OutboxMessages
{
    public static OutboxMessage Post(string channel, SlackMessage message, string? threadTs = null) =>
        new() { Lane = channel, Method = "chat.postMessage", Args = Args(message, channel, threadTs) };

    /// <summary>A direct message: Slack opens the bot's DM with the user when posting to a user id.</summary>
    public static OutboxMessage DirectMessage(string userId, SlackMessage message) => Post(userId, message);

    public static OutboxMessage Ephemeral(string channel, string userId, SlackMessage message)
    {
        var args = JsonNode.Parse(Args(message, channel, null))!.AsObject();
        args["user"] = userId;
        return new() { Lane = channel, Method = "chat.postEphemeral", Args = args.ToJsonString() };
    }

    /// <summary>An ephemeral answer to a button or shortcut: through its response URL, else to the user in its channel.</summary>
    public static OutboxMessage AnswerInteraction(InteractionPayload payload, string fallbackChannel, string text)
    {
        var message = SlackMessage.Ephemeral(text) with { ReplaceOriginal = false };
        return payload.ResponseUrl is { } url
            ? ToResponseUrl(url, message)
            : Ephemeral(payload.ChannelId ?? fallbackChannel, payload.User!.Id, message);
    }

    public static OutboxMessage ToResponseUrl(string responseUrl, SlackMessage message) =>
        new()
        {
            Lane = "response:" + responseUrl,
            Method = OutboxMessage.ResponseUrlMethod,
            ResponseUrl = responseUrl,
            Args = SlackJson.Serialize(message),
        };

    /// <summary>
    /// A modal for <paramref name="triggerId"/>, pointless past <paramref name="expiresAt"/>; the rest says whom to tell
    /// and where if Slack does not open it (<see cref="ViewFallback"/>).
    /// </summary>
    public static OutboxMessage OpenView(string triggerId, ModalView view, DateTime expiresAt, string? responseUrl = null,
        string? userId = null, string? channel = null) =>
        new()
        {
            Lane = "view:" + triggerId,
            Method = ViewFallback.ViewsOpen,
            Args = new JsonObject { ["trigger_id"] = triggerId, ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Options) }.ToJsonString(),
            ExpiresAt = expiresAt,
            ResponseUrl = responseUrl,
            OpenedBy = userId,
            OpenedIn = channel,
        };

    /// <summary>A modal pushed over the one a button was pressed in (same 3 s trigger as <see cref="OpenView"/>).</summary>
    public static OutboxMessage PushView(string triggerId, ModalView view, DateTime expiresAt) =>
        new()
        {
            Lane = "view:" + triggerId,
            Method = "views.push",
            Args = new JsonObject { ["trigger_id"] = triggerId, ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Options) }.ToJsonString(),
            ExpiresAt = expiresAt,
        };

    /// <summary>An open modal redrawn (a list after an edit); the view id needs no trigger.</summary>
    public static OutboxMessage UpdateView(string viewId, ModalView view) =>
        new()
        {
            Lane = "view:" + viewId,
            Method = "views.update",
            Args = new JsonObject { ["view_id"] = viewId, ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Options) }.ToJsonString(),
        };

    /// <summary>
    /// The message's JSON with the channel (and thread) in front: spliced as text, since building a JSON tree to add
    /// two properties cost a sweep as much as serializing the message (a message has neither property itself).
    /// </summary>
    private static string Args(SlackMessage message, string channel, string? threadTs)
    {
        var body = JsonSerializer.Serialize(message, SlackJson.Options);
        var head = "{\"channel\":" + JsonSerializer.Serialize(channel)
                   + (threadTs is null ? "" : ",\"thread_ts\":" + JsonSerializer.Serialize(threadTs));
        return body == "{}" ? head + "}" : head + "," + body[1..];
    }
}
