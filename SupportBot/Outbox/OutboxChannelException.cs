namespace SupportBot.Outbox;

/// <summary>
/// An <see cref="IOutboxChannel"/> that could not make its call says so with this: <see cref="Permanent"/> when
/// trying again cannot help (a mail server's 5xx), else the outbox retries with backoff. <see cref="Reason"/> is what
/// the team is told, in plain words (the server's own words included); <see cref="Cause"/> is the
/// <see cref="OutboxCauses"/> key whose healing puts the message back in line; <see cref="RetryAfter"/>, when the
/// server said how long to wait (Discord's <c>retry_after</c>), replaces the backoff.
/// </summary>
public sealed class OutboxChannelException(string error, string reason, bool permanent, string? cause = null, Exception? inner = null,
    TimeSpan? retryAfter = null)
    : Exception(reason, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A short code for logs and the Undelivered page (<c>smtp_550</c>, <c>unreachable</c>).</summary>
    public string Error { get; } = error;

    public string Reason { get; } = reason;

    public bool Permanent { get; } = permanent;

    public string? Cause { get; } = cause;
}
