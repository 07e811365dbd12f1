using MailKit.Security;
using Microsoft.Extensions.Options;

namespace SupportBot.Email;

/// <summary>
/// Keeps every configured mailbox read: a dropped connection, a server that is down or a refused login is logged,
/// shown on /health (<see cref="MailStatus"/>) and tried again after <see cref="MailboxBackoff"/>'s pause.
/// </summary>
public sealed class MailboxWatcher(MailboxReader reader, MailStatus status, TimeProvider time, IOptions<EmailOptions> options,
    ILogger<MailboxWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Mailboxes.Select(m => KeepReadingAsync(m, stoppingToken)));

    private async Task KeepReadingAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        var backoff = new MailboxBackoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            TimeSpan pause;
            try
            {
                await reader.WatchAsync(mailbox, backoff, stoppingToken);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // the password never reaches the log or /health: MailKit's messages name the server and the failure only
            catch (AuthenticationException e)
            {
                pause = backoff.LoginRefused();
                status.MailboxFailed(mailbox.Name, $"the server refuses the login as {mailbox.User}: {e.Message}");
                logger.LogWarning("Mailbox {Mailbox} ({Host}:{Port}) refused the login as {User}: {Error}; check Email:Mailboxes' User and Password. Trying once more in {Pause}",
                    mailbox.Name, mailbox.Host, mailbox.Port, mailbox.User, e.Message, pause);
            }
            catch (Exception e)
            {
                pause = backoff.ConnectionFailed(time.GetElapsedTime(started));
                status.MailboxFailed(mailbox.Name, $"cannot be read: {e.Message}");
                logger.LogWarning("Mailbox {Mailbox} ({Host}:{Port}) failed: {Error}; reconnecting in {Pause}",
                    mailbox.Name, mailbox.Host, mailbox.Port, e.Message, pause);
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
