using Microsoft.Extensions.Options;

namespace SupportBot.Email;

/// <summary>
/// Keeps every configured mailbox read: a dropped connection or a server that is down is logged and retried with
/// a growing pause (1 s up to a minute, on the wall clock: it is about the network, not about SLA time).
/// </summary>
public sealed class MailboxWatcher(MailboxReader reader, IOptions<EmailOptions> options, ILogger<MailboxWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Mailboxes.Select(m => KeepReadingAsync(m, stoppingToken)));

    private async Task KeepReadingAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Environment.TickCount64;
            try
            {
                await reader.WatchAsync(mailbox, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (Environment.TickCount64 - started > MaxPause.TotalMilliseconds)
                    pause = TimeSpan.FromSeconds(1); // it had been working: this is a fresh failure
                // the password never reaches the log: MailKit's messages name the server and the failure only
                logger.LogWarning("Mailbox {Mailbox} ({Host}:{Port}) failed: {Error}; reconnecting in {Pause}",
                    mailbox.Name, mailbox.Host, mailbox.Port, e.Message, pause);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }
}
