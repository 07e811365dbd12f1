namespace SupportBot.Outbox;

/// <summary>
/// Delivers outbox messages of one non-Slack <see cref="Method"/> (a mail over SMTP, a GitHub comment). The outbox
/// keeps its order, retries and durability: a sender only makes the one call, and throws when it did not happen.
/// </summary>
public interface IOutboxChannel
{
    string Method { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
