using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack.Api;
using SupportBot.Slack.Users;

namespace SupportBot.Outbox;

/// <summary>Makes one outbox call, resolving ticket threads and triage cards at the last moment.</summary>
public sealed class OutboxDelivery(SlackApiClient slack, ITicketAddresses tickets, OutboxStore outbox, OutboxTag tag, TimeProvider time,
    IEnumerable<IOutboxChannel> channels, MessageNames names, ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<string, IOutboxChannel> _channels = channels.ToDictionary(c => c.Method, StringComparer.Ordinal);

    /// <summary>Whether the call is made with the bot token (not a response URL, not a mail or a GitHub comment).</summary>
    public bool UsesBotToken(OutboxMessage message) =>
        message.Method != OutboxMessage.ResponseUrlMethod && !_channels.ContainsKey(message.Method);

    /// <summary>
    /// Makes the call and retires the message; returns the method actually called (a triage card post may become
    /// <c>chat.update</c>). Beside other replicas, <paramref name="fence"/> is checked right before the call goes out
    /// (after the slow parts: name look-ups, the search for an earlier attempt), so a replica woken from a pause, or
    /// one whose lane was taken over, posts nothing; the fence asks for a third of the lease still left, time for the
    /// call to finish before another replica could take the lane. Retiring afterwards is not fenced: what was posted
    /// must be retired whoever holds the lane now, or the next holder would post it again.
    /// </summary>
    public async Task<string> DeliverAsync(OutboxMessage message, LaneFence? fence, CancellationToken cancellationToken)
    {
        if (message.Method == OutboxMessage.ResponseUrlMethod)
        {
            // written again only when a mention was named; most answers go out as stored
            var body = JsonNode.Parse(message.Args) is JsonObject reply && await names.ResolveAsync(reply, cancellationToken)
                ? reply.ToJsonString() : message.Args;
            outbox.Sending(message, fence, mark: false, Now);
            await slack.PostToResponseUrlAsync(message.ResponseUrl!, body, cancellationToken);
            outbox.Delivered(message);
            return message.Method;
        }
        if (_channels.TryGetValue(message.Method, out var channel))
        {
            outbox.Sending(message, fence, mark: false, Now);
            await channel.SendAsync(message, cancellationToken);
            outbox.Delivered(message, s => channel.Sent(s, message, time.GetUtcNow().UtcDateTime));
            return message.Method;
        }
        var args = JsonNode.Parse(message.Args)!.AsObject();
        // names are looked up here, after the ack, so a card rendered in a request shows people by name
        await names.ResolveAsync(args, cancellationToken);
        var method = message.Method;
        var ticket = message.TicketNumber is { } number ? tickets.Find(number) : null;
        var record = message.Record;
        if (ticket is not null && message.Target == OutboxTarget.TicketThread)
        {
            args["channel"] = ticket.ChannelId;
            if (ticket.ThreadTs is not null)
                args["thread_ts"] = ticket.ThreadTs;
            else
                record = OutboxRecord.TicketThread; // the thread was never made: this message starts it
        }
        if (ticket?.TriageTs is not null && message.Target == OutboxTarget.TriageThread)
            args["thread_ts"] = ticket.TriageTs;
        if (ticket is not null && message.Target == OutboxTarget.TriageCard)
        {
            if (ticket.TriageTs is not null)
            {
                method = "chat.update";
                args["ts"] = ticket.TriageTs;
            }
            else
            {
                record = OutboxRecord.TriageCard;
            }
        }
        if (method == OutboxPacing.PostMethod)
        {
            args["metadata"] = OutboxTag.Metadata(message.Id);
            if (message.SendingSince is { } since && await tag.FindAsync(message, args, since, cancellationToken) is { } postedTs)
            {
                Retire(message, ticket, record, postedTs, null); // an earlier attempt got through: the same outcome, no second post
                return method;
            }
        }
        outbox.Sending(message, fence, mark: method == OutboxPacing.PostMethod, Now);
        JsonElement answer;
        try
        {
            answer = await CallAsync(method, args, ticket, cancellationToken);
        }
        catch (SlackApiException e) when (!e.OutcomeUnknown)
        {
            message.SendingSince = null; // Slack said no: nothing was posted (the caller commits the retry)
            throw;
        }
        Retire(message, ticket, record, Text(answer, "ts"), Text(answer, "channel"));
        return method;
    }

    /// <summary>The call, and once more as plain text when Slack refuses the message's shape (<see cref="SlackFallbacks"/>).</summary>
    private async Task<JsonElement> CallAsync(string method, JsonObject args, TicketAddress? ticket, CancellationToken cancellationToken)
    {
        try
        {
            return await slack.CallAsync(method, args, cancellationToken);
        }
        catch (SlackApiException e) when (SlackFallbacks.Applies(method, e.Error))
        {
            logger.LogWarning("Slack refused {Method} to {Channel} ({Error}); posting it as plain text", method, args["channel"]?.ToString(), e.Error);
            return await slack.CallAsync(method, SlackFallbacks.PlainText(args, ticket?.PageUrl), cancellationToken);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? Text(JsonElement answer, string property) =>
        answer.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private void Retire(OutboxMessage message, TicketAddress? ticket, OutboxRecord record, string? ts, string? channel)
    {
        if (ticket is not null && record != OutboxRecord.Nothing && ts is not null)
            tickets.RememberAndRetire(message, ticket.Number, record, ts, channel);
        else
            outbox.Delivered(message);
    }
}
