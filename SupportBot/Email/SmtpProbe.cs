using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace SupportBot.Email;

/// <summary>
/// While the SMTP server does not answer at all, asks it every minute whether it does again (connect and greet: no
/// login, no mail). Once it does, /health clears and the mail set aside meanwhile goes out, even when no new mail
/// would have tried. A server that answers but refuses (a 4xx, the bot's login) is not asked: its next real send tells.
/// </summary>
public sealed class SmtpProbe(MailStatus status, IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpProbe> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, time, stoppingToken);
            if (status.Smtp is not { Unreachable: true })
                continue;
            try
            {
                using var client = new SmtpClient { Timeout = 30_000 };
                await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, stoppingToken);
                await client.DisconnectAsync(true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("The mail server {Host}:{Port} still does not answer: {Error}", smtp.Host, smtp.Port, e.Message);
                continue;
            }
            logger.LogInformation("The mail server {Host}:{Port} answers again", smtp.Host, smtp.Port);
            status.SmtpAnswered();
        }
    }
}
