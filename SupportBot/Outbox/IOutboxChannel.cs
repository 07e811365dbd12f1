using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// Delivers outbox messages of one non-Slack <see cref="Method"/> (a mail over SMTP, a GitHub comment). The outbox
/// keeps its order, retries and durability: a sender only makes the one call, and throws when it did not happen.
/// </summary>
public interface IOutboxChannel
{
    string Method { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Runs in the commit that retires <paramref name="message"/> after <see cref="SendAsync"/> succeeded: what the
    /// server's acceptance owes (a mail's "mailed" line under the triage card) is queued with it or not at all.
    /// </summary>
    void Sent(IStoreSession session, OutboxMessage message, DateTime now)
    {
    }
}
