namespace SupportBot.Health;

public static class HostStarted
{
    /// <summary>
    /// Completes once the host answers requests: work that reads the whole store after start waits for it, so Slack
    /// and <c>/health</c> come first (and stopping the app while it still starts would fail the start instead).
    /// </summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(cancellationToken);
    }
}
