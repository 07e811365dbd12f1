using SupportBot.Slack;
using SupportBot.Slack.Api;

namespace SupportBot.Rotation;

/// <summary>Who of the team is active in Slack now (<c>users.getPresence</c>), asked once per engineer per sweep.</summary>
public sealed class EngineerPresence(SlackApiClient slack, ILogger<EngineerPresence> logger)
{
    /// <summary>
    /// The engineers Slack reports as away. One whose presence Slack does not say (an error, a missing scope) counts
    /// as active: the rotation should not stop offering work because a lookup failed.
    /// </summary>
    public async Task<IReadOnlySet<string>> AwayAsync(IEnumerable<string> engineers, CancellationToken cancellationToken)
    {
        var away = new HashSet<string>(StringComparer.Ordinal);
        foreach (var engineer in engineers.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var answer = await slack.CallFormAsync("users.getPresence", [new("user", engineer)], cancellationToken);
                if (answer.TryGetProperty("presence", out var presence) && presence.GetString() == "away")
                    away.Add(engineer);
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException)
            {
                logger.LogInformation("users.getPresence for {User} failed ({Error}); counting them as active", engineer,
                    (e as SlackApiException)?.Error ?? e.Message);
            }
        }
        return away;
    }
}
