using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Home;

/// <summary><c>app_home_opened</c> on the Home tab: publish the engineer's Home as it is now.</summary>
public sealed class AppHomeOpenedHandler(HomePublisher publisher) : IEventHandler
{
    public string EventType => "app_home_opened";

    public Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var tab = slackEvent.TryGetProperty("tab", out var t) ? t.GetString() : "home";
        if (tab == "home" && slackEvent.TryGetProperty("user", out var u) && u.GetString() is { Length: > 0 } user)
            publisher.Publish(user);
        return Task.CompletedTask;
    }
}
