using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Slack.Api;

/// <summary>
/// Asks Slack after start (<c>conversations.info</c>) whether the bot can post to <c>Slack:SupportChannel</c>, and
/// says loudly when it cannot: a log warning, and a Degraded /health entry naming the channel and the fix. It never
/// stops the bot: webhooks and mail are still taken and stored (posts Slack refuses are set aside in the outbox),
/// and a private channel the bot was not invited to looks to Slack exactly like one that does not exist. It runs in
/// the background, each call bounded by the Slack client's 15 s timeout, and asks again every few minutes until
/// Slack says all is well, so inviting the bot clears the warning without a restart.
/// </summary>
public sealed class SupportChannelCheck(SlackApiClient slack, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SupportChannelCheck> logger) : BackgroundService
{
    public static readonly TimeSpan AskAgainEvery = TimeSpan.FromMinutes(5);

    private const string SetAside = "Until then the posts meant for it are set aside: `outbox list` shows them, `outbox retry all` sends them.";

    /// <summary>One answer, swapped whole: /health reads it while the check writes it.</summary>
    private sealed record State(string? Problem, string? Unknown);

    private volatile State _state = new(null, "not checked yet");

    /// <summary>What is wrong with the channel, as the operator should read it; null when nothing (yet) is known to be.</summary>
    public string? Problem => _state.Problem;

    /// <summary>Why Slack has not told yet (not asked, unreachable, a token or scope it refused); null once it has.</summary>
    public string? Unknown => _state.Unknown;

    public string Channel => options.Value.SupportChannel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var before = _state;
            await CheckAsync(stoppingToken);
            if (Problem is null && Unknown is null)
                return;
            if (_state != before) // records compare by value: warned once per change, not every round
                Warn();
            await Task.Delay(AskAgainEvery, time, stoppingToken);
        }
    }

    private void Warn()
    {
        if (Problem is { } problem)
            logger.LogWarning("{Problem}", problem);
        else
            logger.LogWarning("Slack:SupportChannel {Channel}: cannot check that the bot may post there ({Reason}); asking again every {Minutes} minutes",
                Channel, Unknown, AskAgainEvery.TotalMinutes);
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            var answer = await slack.CallFormAsync("conversations.info", [new("channel", Channel)], stoppingToken);
            _state = new State(Verdict(answer), null);
            if (Problem is null)
                logger.LogInformation("Slack:SupportChannel {Channel}: the bot is a member and can post there", Channel);
        }
        catch (SlackApiException e) when (e.Error == "channel_not_found")
        {
            _state = new State($"Slack:SupportChannel {Channel}: Slack says channel_not_found. Check the id (channel details, at the bottom); if it is a private channel, invite the bot there: /invite @SupportBot. {SetAside}", null);
        }
        catch (SlackApiException e)
        {
            _state = new State(null, e.Error);
        }
    }

    /// <summary>The problem Slack's answer shows, or null; an answer without the fields says nothing against the channel.</summary>
    private string? Verdict(JsonElement answer)
    {
        if (!answer.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.Object)
            return null;
        var name = channel.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } text ? $"#{text}" : "the channel";
        if (channel.TryGetProperty("is_archived", out var archived) && archived.ValueKind == JsonValueKind.True)
            return $"Slack:SupportChannel {Channel} ({name}) is archived: unarchive it, or set Slack:SupportChannel to the channel the team reads. {SetAside}";
        if (channel.TryGetProperty("is_member", out var member) && member.ValueKind == JsonValueKind.False)
            return $"Slack:SupportChannel {Channel} ({name}): the bot is not a member, so it does not see the team's replies there (and posts only with the chat:write.public scope); invite it: /invite @SupportBot in {name}.";
        return null;
    }
}
