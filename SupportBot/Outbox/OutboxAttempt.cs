using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;

namespace SupportBot.Outbox;

/// <summary>
/// One try at one message, and what its outcome means: delivered, retried later (backoff, or Slack's Retry-After for
/// its channel or method), or set aside with its cause and the team told. Messages that need the bot token wait while
/// Slack refuses it, instead of each being refused in turn (<see cref="SlackAuthProbe"/> heals them).
/// </summary>
public sealed class OutboxAttempt(OutboxStore store, OutboxDelivery delivery, OutboxPacing pacing, SlackAuthState auth,
    IUndeliveredNotices notices, ViewFallback views, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxAttempt> logger)
{
    /// <summary>Set when one of the outbox's own calls was refused for the token: only then are the others held.</summary>
    private volatile bool _tokenRefused;

    /// <summary>The earliest the message may be tried: its backoff and pacing, or never while the bot token is refused.</summary>
    public DateTime DueAt(OutboxMessage message) =>
        delivery.UsesBotToken(message) && TokenRefused ? DateTime.MaxValue : pacing.DueAt(message);

    /// <summary>
    /// The outbox saw the token refused and nothing since said it works (a successful call of any kind clears
    /// <see cref="SlackAuthState"/>; <see cref="SlackAuthProbe"/> asks).
    /// </summary>
    private bool TokenRefused
    {
        get
        {
            if (_tokenRefused && !auth.Refused.ContainsKey(SlackAuthState.BotToken))
                _tokenRefused = false; // a call since succeeded: the token works again
            return _tokenRefused;
        }
    }

    /// <summary>
    /// True when the message is done with (delivered, dropped or set aside): its lane may go on. Throws
    /// <see cref="OutboxLaneLostException"/> when <paramref name="fence"/> shows the lane is no longer this replica's.
    /// </summary>
    public async Task<bool> TryAsync(OutboxMessage message, LaneFence? fence, CancellationToken cancellationToken)
    {
        var now = Now;
        if (message.ExpiresAt < now)
        {
            logger.LogWarning("Dropped an expired {Call} (outbox #{Id})", Describe(message), message.Id);
            if (!views.GiveUp(message, null)) // a form: the person is told to try again
                store.Delivered(message);
            return true;
        }
        if (DueAt(message) > now)
            return false;
        try
        {
            pacing.Called(message.Lane, await delivery.DeliverAsync(message, fence, cancellationToken));
            return true;
        }
        catch (SlackApiException e) when (e.Transient && message.Method == ViewFallback.ViewsOpen && !FitsTrigger(message, e.RetryAfter))
        {
            // the trigger (3 s) runs out before Slack would take it: tell the person now rather than when it expires
            if (e.RetryAfter is { } pause)
                pacing.RateLimited(message, pause);
            views.GiveUp(message, e.RetryAfter);
            return true;
        }
        catch (SlackApiException e) when (e.Transient)
        {
            // the underlying cause (connection refused, timeout) is what an operator can act on
            return Retry(message, e.InnerException is { } cause ? $"{e.Error} ({cause.Message})" : e.Error, e.RetryAfter);
        }
        catch (SlackApiException e) when (message.Method == ViewFallback.ViewsOpen && !SlackAuthState.IsAuthError(e.Error))
        {
            logger.LogWarning("Slack refused {Call}: {Error}; the person is told to try again", Describe(message), e.Error);
            views.GiveUp(message, null); // a form set aside helps nobody: its trigger is gone in seconds
            return true;
        }
        catch (SlackApiException e)
        {
            _tokenRefused |= SlackAuthState.IsAuthError(e.Error);
            var channel = ChannelOf(message);
            SetAside(message, OutboxCauses.Of(e, channel), e.Error, OutboxCauses.Explain(e.Error, channel));
            return true; // a refused message must not block its channel forever
        }
        catch (OutboxChannelException e) when (e.Permanent)
        {
            SetAside(message, e.Cause, e.Error, e.Reason);
            return true;
        }
        catch (OutboxChannelException e)
        {
            // a server's own pause holds this message only: Slack's pacing of channels and methods is not its business
            return Retry(message, e.Error, null, e.Cause, e.Reason, e.RetryAfter);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutboxLaneLostException))
        {
            logger.LogError(e, "Delivering {Call} (outbox #{Id}) failed: {Error}", Describe(message), message.Id, e.Message);
            return Retry(message, e.GetType().Name, null);
        }
    }

    /// <summary>Whether a retry after <paramref name="retryAfter"/> (or the first backoff) still opens the form in time.</summary>
    private bool FitsTrigger(OutboxMessage message, TimeSpan? retryAfter) =>
        message.ExpiresAt is not { } expires || Now + (retryAfter ?? TimeSpan.FromSeconds(1)) < expires;

    private void SetAside(OutboxMessage message, string? cause, string error, string reason)
    {
        store.SetAside(message, cause, error, reason, notices, Now);
        logger.LogWarning("{Call} was refused for good: {Error}; outbox #{Id} set aside and the team told (cause {Cause})",
            Describe(message), error, message.Id, cause ?? "none");
    }

    /// <summary>Schedules the next attempt; true when there is none (given up: set aside, out of its lane's way, like a refusal).</summary>
    private bool Retry(OutboxMessage message, string error, TimeSpan? retryAfter, string? cause = null, string? reason = null, TimeSpan? serverPause = null)
    {
        message.Attempts++;
        message.LastError = error;
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(message.Attempts - 1, 20)));
        var wait = retryAfter ?? serverPause ?? (backoff < options.Value.MaxBackoff ? backoff : options.Value.MaxBackoff);
        message.NextAttemptAt = Now + wait;
        if (retryAfter is { } pause)
            pacing.RateLimited(message, pause);
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            logger.LogError("Gave up on {Call} (outbox #{Id}) after {Attempts} attempts: {Error}", Describe(message), message.Id, message.Attempts, error);
            SetAside(message, cause, error, reason ?? OutboxCauses.Explain(error, ChannelOf(message)));
            return true;
        }
        logger.LogWarning("{Call} failed: {Error}; attempt {Attempts}, next in {Wait}", Describe(message), error, message.Attempts, wait);
        store.Update(message);
        return false;
    }

    /// <summary>The Slack channel a message posts to; null for response URLs, modals and other channels' methods.</summary>
    private static string? ChannelOf(OutboxMessage message) => message.Lane.Contains(':', StringComparison.Ordinal) ? null : message.Lane;

    /// <summary>"chat.postMessage to C123 for ticket #12": what an operator needs to find the call.</summary>
    public static string Describe(OutboxMessage m) =>
        $"{m.Method} to {(m.Method == OutboxMessage.ResponseUrlMethod ? "a response URL" : m.Lane)}" +
        (m.TicketNumber is { } n ? $" for ticket #{n}" : "");

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
