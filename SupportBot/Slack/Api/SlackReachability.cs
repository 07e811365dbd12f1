namespace SupportBot.Slack.Api;

/// <summary>
/// Whether Slack answers at all, as <see cref="SlackApiClient"/> sees it: any HTTP answer below 500 counts (an
/// <c>{"ok": false}</c> or a 429 is Slack answering); a network error, a timeout, a 5xx or an unreadable answer does
/// not. Keeps the last answer and the first failure since then, so <c>/health</c> can say since when Slack is silent.
/// </summary>
public sealed class SlackReachability(TimeProvider time)
{
    private readonly Lock _lock = new();
    private Silence? _silence;
    private DateTimeOffset? _lastAnswer;

    /// <summary>Slack's first unanswered call since its last answer: when, which method, and what went wrong.</summary>
    public sealed record Silence(DateTimeOffset Since, string Method, string Error, DateTimeOffset? LastAnswer, DateTimeOffset LastTried);

    /// <summary>Slack answered a call (whatever it said).</summary>
    public void Answered()
    {
        lock (_lock)
        {
            _lastAnswer = time.GetUtcNow();
            _silence = null;
        }
    }

    /// <summary>A call got no usable answer: <paramref name="error"/> says how (<c>unreachable: …</c>, <c>http_503</c>).</summary>
    public void Failed(string method, string error)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _silence = _silence is null
                ? new Silence(now, method, error, _lastAnswer, now)
                : _silence with { Method = method, Error = error, LastTried = now };
        }
    }

    /// <summary>When Slack last answered; null before the first answer.</summary>
    public DateTimeOffset? LastAnswer
    {
        get
        {
            lock (_lock)
                return _lastAnswer;
        }
    }

    /// <summary>Null while Slack answers (or has not been asked yet).</summary>
    public Silence? Silent
    {
        get
        {
            lock (_lock)
                return _silence;
        }
    }
}
