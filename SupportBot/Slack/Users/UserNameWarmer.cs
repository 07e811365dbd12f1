namespace SupportBot.Slack.Users;

/// <summary>
/// Looks up the ids request handlers saw but the cache did not know, after their requests were answered: a page or
/// a command answer shows what the cache knows at once, and the name from then on.
/// </summary>
public sealed class UserNameWarmer(SlackUserDirectory directory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in directory.WantedAsync(stoppingToken))
                await directory.NameAsync(id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
