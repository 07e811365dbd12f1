using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Outbox;

/// <summary>
/// How fast the outbox may talk to Slack: a 429 on a post pauses that channel's lane until Retry-After has passed
/// (Slack limits posts per channel), a 429 on another method pauses that method (Slack limits the others per method),
/// and posts to one channel average one per <see cref="OutboxOptions.PerChannelInterval"/>,
/// allowing a burst of <see cref="OutboxOptions.PerChannelBurst"/> (a cell-rate schedule: each lane keeps the time
/// its credit is next full, and a post may go once that is no more than burst − 1 intervals ahead). In memory only: both windows are seconds long, so a restart
/// forgetting them costs at most one early call.
/// </summary>
public sealed class OutboxPacing(TimeProvider time, IOptions<OutboxOptions> options)
{
    public const string PostMethod = "chat.postMessage";

    private readonly ConcurrentDictionary<string, DateTime> _pausedUntil = new();
    private readonly ConcurrentDictionary<string, DateTime> _lanePausedUntil = new();
    /// <summary>Per lane: when it would be fully caught up (its theoretical next post time).</summary>
    private readonly ConcurrentDictionary<string, DateTime> _caughtUpAt = new();

    /// <summary>The earliest a message may go: its backoff, its method's pause, and its channel's spacing.</summary>
    public DateTime DueAt(OutboxMessage message) =>
        Later(Later(message.NextAttemptAt, LanePausedUntil(message)), Later(PausedUntil(message.Method), PacedUntil(message)));

    /// <summary>Slack answered 429 to <paramref name="message"/>: hold its channel (a post) or its method (anything else).</summary>
    public void RateLimited(OutboxMessage message, TimeSpan retryAfter)
    {
        if (message.Method == PostMethod)
            _lanePausedUntil[message.Lane] = Now + retryAfter;
        else
            _pausedUntil[message.Method] = Now + retryAfter;
    }

    /// <summary>Records a post to a channel; only posts count, an update or an ephemeral adds no message.</summary>
    public void Called(string lane, string method)
    {
        if (method == PostMethod && options.Value.PerChannelInterval > TimeSpan.Zero)
            _caughtUpAt[lane] = Later(_caughtUpAt.GetValueOrDefault(lane, DateTime.MinValue), Now) + options.Value.PerChannelInterval;
    }

    /// <summary>Drops lanes whose spacing has passed, so the map holds only channels posted to in the last interval.</summary>
    public void ForgetQuietLanes()
    {
        var now = Now;
        foreach (var (lane, caughtUp) in _caughtUpAt)
        {
            if (caughtUp <= now)
                _caughtUpAt.TryRemove(KeyValuePair.Create(lane, caughtUp));
        }
        foreach (var (lane, until) in _lanePausedUntil)
        {
            if (until <= now)
                _lanePausedUntil.TryRemove(KeyValuePair.Create(lane, until));
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateTime PausedUntil(string method) => _pausedUntil.TryGetValue(method, out var until) ? until : DateTime.MinValue;

    private DateTime LanePausedUntil(OutboxMessage message) =>
        message.Method == PostMethod && _lanePausedUntil.TryGetValue(message.Lane, out var until) ? until : DateTime.MinValue;

    private DateTime PacedUntil(OutboxMessage message) =>
        message.Method == PostMethod && _caughtUpAt.TryGetValue(message.Lane, out var caughtUp)
            ? caughtUp - (options.Value.PerChannelBurst - 1) * options.Value.PerChannelInterval
            : DateTime.MinValue;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
