using System.Text.Json;

namespace SupportBot.Slack.Interactions;

/// <summary>
/// An Events API event type (<c>message</c>, <c>reaction_added</c>, …). Events are stored before the ack and
/// handled afterwards, once per <c>event_id</c>, so handlers run off the request path.
/// </summary>
public interface IEventHandler
{
    string EventType { get; }

    Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken);
}
