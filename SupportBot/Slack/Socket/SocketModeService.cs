using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;

namespace SupportBot.Slack.Socket;

/// <summary>
/// Socket Mode, when <c>Slack:AppToken</c> is set: asks <c>apps.connections.open</c> for a URL, connects, and hands
/// envelopes to <see cref="SocketEnvelopes"/>. On Slack's <c>disconnect</c> (refresh_requested, warning,
/// link_disabled) the next connection opens while the old one drains, so no envelope is missed; a lost socket
/// reconnects at once, then with backoff while connecting keeps failing.
/// </summary>
public sealed class SocketModeService(SlackApiClient slack, SocketEnvelopes envelopes, IOptions<SlackOptions> options,
    TimeProvider time, ILogger<SocketModeService> logger) : BackgroundService
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan AuthBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How long a replaced connection may keep delivering before the bot closes it (Slack closes it sooner).</summary>
    public static readonly TimeSpan DrainFor = TimeSpan.FromSeconds(30);

    private int _opened;
    private readonly Lock _links = new();
    private readonly HashSet<SocketConnection> _live = [];
    private DateTimeOffset? _downSince = time.GetUtcNow();
    private string? _lastError;

    /// <summary>Connections opened so far (for tests and the log).</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Whether a connection Slack said hello on is open, and if not, since when none is (and why, when known).</summary>
    public sealed record LinkState(bool Connected, DateTimeOffset? DownSince, string? LastError);

    public LinkState Link
    {
        get
        {
            lock (_links)
                return new LinkState(_live.Count > 0, _live.Count > 0 ? null : _downSince, _lastError);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketMode)
            return;
        var draining = new List<Task>();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.Zero;
            try
            {
                var (connection, run) = await ConnectAsync(stoppingToken);
                if (await Task.WhenAny(run, connection.Disconnect.Task) == connection.Disconnect.Task)
                {
                    logger.LogInformation("Slack asked for a new Socket Mode connection ({Reason}); opening it while the old one drains",
                        connection.Disconnect.Task.Result);
                    draining.Add(DrainAsync(connection, run, stoppingToken));
                    draining.RemoveAll(t => t.IsCompleted);
                    failures = 0;
                    continue;
                }
                await Finish(connection, run);
                if (stoppingToken.IsCancellationRequested)
                    break;
                // a connection that worked is replaced at once; one that keeps failing backs off
                failures = connection.Hello.Task.IsCompleted ? 0 : failures + 1;
                logger.LogWarning("The Socket Mode connection closed without a disconnect from Slack; reconnecting");
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                lock (_links)
                    _lastError = e.Message;
                var auth = e is SlackApiException api && SlackAuthState.IsAuthError(api.Error);
                wait = auth ? AuthBackoff : Backoff(failures);
                logger.LogWarning("Socket Mode connection failed ({Error}); trying again in {Wait}", e.Message, wait);
            }
            if (wait == TimeSpan.Zero && failures > 0)
                wait = Backoff(failures);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Task.WhenAll(draining);
    }

    /// <summary>0 for the first retry, then 1, 2, 4 … seconds up to <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 2), MaxBackoff.TotalSeconds));

    private async Task<(SocketConnection Connection, Task Run)> ConnectAsync(CancellationToken stoppingToken)
    {
        var url = await slack.OpenConnectionAsync(stoppingToken);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(url, connectTimeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var number = Interlocked.Increment(ref _opened);
        logger.LogInformation("Socket Mode connection {Number} open", number);
        var connection = new SocketConnection(socket, envelopes, logger);
        _ = connection.Hello.Task.ContinueWith(_ => Linked(connection), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return (connection, connection.RunAsync(stoppingToken));
    }

    private async Task DrainAsync(SocketConnection connection, Task run, CancellationToken stoppingToken)
    {
        await Task.WhenAny(run, Task.Delay(DrainFor, time, stoppingToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        await connection.CloseAsync();
        await Finish(connection, run);
    }

    private async Task Finish(SocketConnection connection, Task run)
    {
        try
        {
            await run;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            logger.LogDebug("Socket Mode connection ended: {Error}", e.Message);
        }
        catch (Exception e)
        {
            // an envelope that could not be kept: unacknowledged, so Slack sends it again on the next connection
            logger.LogError(e, "A Socket Mode envelope could not be kept; dropping the connection so Slack retries it");
        }
        finally
        {
            Unlinked(connection);
            connection.Dispose();
        }
    }

    /// <summary>Slack said hello on <paramref name="connection"/>: events flow (unless it already ended).</summary>
    private void Linked(SocketConnection connection)
    {
        lock (_links)
        {
            if (connection.Ended)
                return;
            _live.Add(connection);
            _downSince = null;
            _lastError = null;
        }
    }

    private void Unlinked(SocketConnection connection)
    {
        lock (_links)
        {
            connection.Ended = true;
            if (_live.Remove(connection) && _live.Count == 0)
                _downSince = time.GetUtcNow();
        }
    }
}
