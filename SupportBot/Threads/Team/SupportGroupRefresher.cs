using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Api;
using SupportBot.Tickets;

namespace SupportBot.Threads.Team;

/// <summary>
/// Keeps <see cref="SupportTeam"/> in step with the <c>Slack:SupportGroup</c> user group: read at start and every
/// <see cref="Interval"/>. A failed read keeps the last known members (and the configured list always counts).
/// </summary>
public sealed class SupportGroupRefresher(SlackApiClient slack, SupportTeam team, IOptions<SlackOptions> options,
    TimeProvider time, ILogger<SupportGroupRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SupportGroup))
            return;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RefreshAsync(options.Value.SupportGroup, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<bool> RefreshAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await slack.CallFormAsync("usergroups.users.list", [new("usergroup", group)], cancellationToken);
            if (!answer.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
            {
                logger.LogWarning("usergroups.users.list for {Group} answered without users; keeping the last known members", group);
                return false;
            }
            var members = users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToList();
            team.SetGroupMembers(members);
            logger.LogInformation("Support group {Group} has {Count} members", group, members.Count);
            return true;
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not read support group {Group} ({Error}); keeping the last known members", group, e.Error);
            return false;
        }
    }
}
