using System.Collections.Concurrent;

namespace SupportBot.Slack.Api;

/// <summary>
/// What Slack last said about the bot's tokens. An answer of <c>invalid_auth</c>, <c>token_revoked</c>,
/// <c>account_inactive</c> or <c>not_authed</c> means every call will fail until an operator acts; the next
/// successful call with that token clears it.
/// </summary>
public sealed class SlackAuthState(TimeProvider time)
{
    public const string BotToken = "bot token";
    public const string AppToken = "app token";

    private static readonly HashSet<string> Fatal = ["invalid_auth", "token_revoked", "account_inactive", "not_authed"];
    private readonly ConcurrentDictionary<string, Refusal> _refused = new();

    /// <summary>Slack's last refusal (<paramref name="At"/>) of a token refused without a break since <paramref name="Since"/>.</summary>
    public sealed record Refusal(string Method, string Error, DateTimeOffset At, DateTimeOffset Since);

    public static bool IsAuthError(string error) => Fatal.Contains(error);

    /// <summary>Records Slack's answer to a call made with <paramref name="token"/>: null when it succeeded.</summary>
    public void Answered(string token, string method, string? error)
    {
        if (error is null)
            _refused.TryRemove(token, out _);
        else if (IsAuthError(error))
        {
            var now = time.GetUtcNow();
            _refused.AddOrUpdate(token, new Refusal(method, error, now, now), (_, last) => new Refusal(method, error, now, last.Since));
        }
    }

    public IReadOnlyDictionary<string, Refusal> Refused => _refused;
}
