using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// The bot's Gateway link while Discord:BotToken is set: connects, identifies once, and after every drop, op 7 or
/// failed handler resumes the session from the last event handled, so Discord replays what the bot had not
/// finished. It stops for good only on a close code a reconnect cannot fix (a bad token, an intent not enabled).
/// </summary>
public sealed class DiscordGateway(IDiscordDispatchHandler handler, DiscordGatewayStatus status, GatewayStoppedNotice stopped,
    IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordGateway> logger) : BackgroundService
{
    private readonly GatewaySession _session = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (end, established) = await ConnectOnceAsync(stoppingToken);
            switch (end.Next)
            {
                case GatewayNext.Stop:
                    return;
                case GatewayNext.Fatal:
                    status.Fatal(end.Why);
                    logger.LogError("The Discord Gateway stopped and will not reconnect: {Reason}", end.Why);
                    stopped.Tell(end.Why);
                    return;
                case GatewayNext.Identify:
                    _session.Forget();
                    status.Forgotten();
                    break;
            }
            status.Disconnected(end.Why);
            failures = established ? 0 : failures + 1;
            var backoff = GatewayBackoff.After(failures);
            var wait = end.Wait > backoff ? end.Wait : backoff;
            logger.LogInformation("Discord Gateway connection ended ({Reason}); {Next} in {Wait:0.#} s", end.Why,
                _session.CanResume ? "resuming" : "identifying", wait.TotalSeconds);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<(GatewayEnd End, bool Established)> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        var resume = _session.CanResume;
        var url = resume ? _session.ResumeUrl! : options.Value.GatewayUrl;
        GatewaySocket socket;
        try
        {
            socket = await GatewaySocket.ConnectAsync(url, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return (GatewayEnd.Stop, false);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            return (GatewayEnd.Resume($"could not connect to {url.Host}: {e.Message}"), false);
        }
        using (socket)
        {
            status.Opened();
            if (resume)
                logger.LogInformation("Discord Gateway connected to {Host}; resuming session {SessionId} after event #{Sequence}",
                    url.Host, _session.Id, _session.LastHandled ?? 0);
            else
                logger.LogInformation("Discord Gateway connected to {Host}; identifying", url.Host);
            var connection = new GatewayConnection(socket, _session, status, handler, options.Value.BotToken!, time, logger);
            var end = await connection.RunAsync(resume, stoppingToken);
            return (end, connection.Established);
        }
    }
}
