using System.Text.Json;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Interactions;

namespace SupportBot.Slack.Events;

/// <summary>Hands stored events to their <see cref="IEventHandler"/>s, in arrival order, once each.</summary>
public sealed class SlackEventProcessor(SlackEventInbox inbox, SlackHandlers handlers, DeadLetterStore deadLetters,
    TimeProvider time, ILogger<SlackEventProcessor> logger)
    : BackgroundService
{
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                if (time.GetUtcNow() - lastPrune > TimeSpan.FromHours(1))
                {
                    inbox.Prune();
                    lastPrune = time.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Event processing round failed");
            }
            await inbox.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var stored in inbox.Next(100))
        {
            try
            {
                using var doc = JsonDocument.Parse(stored.Json);
                foreach (var handler in handlers.Events(stored.Type))
                    await handler.HandleAsync(doc.RootElement, cancellationToken);
                inbox.MarkProcessed(stored);
                handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                inbox.MarkAttempt(stored);
                if (stored.Attempts < MaxAttempts)
                {
                    logger.LogWarning(e, "Handling event {EventId} ({Type}) failed, attempt {Attempt} of {Max}", stored.EventId, stored.Type,
                        stored.Attempts, MaxAttempts);
                    continue;
                }
                // a poison event must not block the ones behind it, nor vanish: it is kept for an operator to replay
                var id = deadLetters.Keep(DeadLetterKind.Event, stored.EventId, stored.Type, stored.Json, e);
                logger.LogError(e, "Event {EventId} ({Type}) failed {Attempts} times; kept as dead letter #{DeadLetter} (see `deadletters list`)",
                    stored.EventId, stored.Type, stored.Attempts, id);
                inbox.MarkProcessed(stored);
            }
        }
        return handled;
    }
}
