using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Slack;

/// <summary>
/// An event or interaction that cannot be handled is never dropped silently: it is kept as a dead letter with its
/// reason, logged as an error with its id, counted in /health, and listed (events replayed) from the command line.
/// </summary>
public sealed class DeadLetterTests : IDisposable
{
    private readonly SupportBotApp _app = new(services: services =>
    {
        services.AddSingleton<IEventHandler, PoisonHandler>();
        services.AddSingleton<IBlockActionHandler, BrokenButton>();
    });

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private int Attempts(string eventId) =>
        _app.Get<IStoreGate>().Read(s => s.Events.Find(eventId)?.Attempts ?? 0);

    private List<DeadLetter> Letters() => _app.Get<IStoreGate>().Read(s => s.DeadLetters.All());

    [Fact]
    public async Task An_event_that_keeps_failing_becomes_a_dead_letter_that_health_counts_and_the_cli_replays()
    {
        (await _app.SendAsync(new JsonObject { ["type"] = PoisonHandler.Type, ["text"] = "boom" }, "EvPOISON01")).EnsureSuccessStatusCode();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await ThreadEvents.WaitUntilAsync(() => Attempts("EvPOISON01") >= attempt ? "" : null, $"attempt {attempt}");
            await _app.SendAsync(ThreadEvents.Message(TestSettings.SupportChannel, TestSettings.Engineer, "wake up")); // wakes the processor
        }

        var letter = await ThreadEvents.WaitUntilAsync(() => Letters().SingleOrDefault(), "the dead letter");
        Assert.Equal(DeadLetterKind.Event, letter.Kind);
        Assert.Equal("EvPOISON01", letter.SourceId);
        Assert.Contains("InvalidOperationException: poison", letter.Reason, StringComparison.Ordinal);
        // the error line is written just after the dead letter is stored: wait for it rather than race it
        await ThreadEvents.WaitUntilAsync(() => _app.Logs.Lines.Any(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error
                && l.Message.Contains("EvPOISON01", StringComparison.Ordinal) && l.Message.Contains("dead letter", StringComparison.Ordinal)) ? "" : null,
            "the error line naming the event and the dead letter");
        var health = JsonNode.Parse(await _app.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative)))!;
        Assert.Equal("Degraded", health["checks"]!["dead-letters"]!["status"]!.GetValue<string>());
        Assert.Equal(1, health["checks"]!["dead-letters"]!["data"]!["count"]!.GetValue<int>());

        var output = new StringWriter();
        var code = _app.Get<IStoreGate>().Write(s => new DeadLetterCli().Run(s, ["retry", "all"], DateTime.UtcNow, output));
        Assert.Equal(0, code);
        Assert.Contains("back in the inbox", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Letters());
        Assert.Contains(_app.Get<SlackEventInbox>().Unprocessed(10), e => e.EventId == "EvPOISON01" && e.Attempts == 0);
    }

    [Fact]
    public async Task An_interaction_whose_handler_fails_is_answered_500_kept_as_a_dead_letter_and_listed()
    {
        var press = await _app.Requests.InteractAsync(Flows.ButtonPayload(BrokenButton.Id, "7", TestSettings.Customer, TestSettings.CustomerChannel));
        // not carried out, so not acknowledged as done: Slack shows the person it failed
        Assert.Equal(HttpStatusCode.InternalServerError, press.StatusCode);

        var letter = Assert.Single(Letters());
        Assert.Equal(DeadLetterKind.Interaction, letter.Kind);
        Assert.Equal("block_actions", letter.Type);
        Assert.Contains(BrokenButton.Id, letter.Json, StringComparison.Ordinal);
        var output = new StringWriter();
        _app.Get<IStoreGate>().Write(s => new DeadLetterCli().Run(s, ["list"], DateTime.UtcNow, output));
        Assert.Contains("1 dead letter(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Interaction block_actions", output.ToString(), StringComparison.Ordinal);
    }

    private sealed class PoisonHandler : IEventHandler
    {
        public const string Type = "poison_test";

        public string EventType => Type;

        public Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("poison");
    }

    private sealed class BrokenButton : IBlockActionHandler
    {
        public const string Id = "broken_button";

        public string ActionId => Id;

        public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken) =>
            throw new LiteException(0, "the disk is full (test)");
    }
}
