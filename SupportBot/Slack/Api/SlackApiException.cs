namespace SupportBot.Slack.Api;

/// <summary>Slack answered <c>{"ok": false, "error": …}</c>, or could not be reached.</summary>
public class SlackApiException(string method, string error, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Slack {method} failed: {error}", inner)
{
    public string Method { get; } = method;

    /// <summary>Slack's error code (<c>channel_not_found</c>…), or the HTTP failure.</summary>
    public string Error { get; } = error;

    /// <summary>Worth trying again later: rate limits, 5xx, timeouts, Slack's own internal errors.</summary>
    public bool Transient { get; } = transient;

    /// <summary>Slack's <c>Retry-After</c> on HTTP 429.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Slack may have carried the call out before the failure (no answer, a 5xx, an unreadable answer); false when
    /// Slack answered that it did not (an error code, a 429).
    /// </summary>
    public bool OutcomeUnknown => Error.StartsWith(Unreachable, StringComparison.Ordinal) || Error.StartsWith("http_5", StringComparison.Ordinal)
                                  || Error == InvalidResponse;

    public const string Unreachable = "unreachable";
    public const string InvalidResponse = "invalid_response";

    private static readonly HashSet<string> TransientErrors =
        ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    public static bool IsTransientError(string error) => TransientErrors.Contains(error);
}
