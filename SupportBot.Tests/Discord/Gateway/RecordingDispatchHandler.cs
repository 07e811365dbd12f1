using System.Collections.Concurrent;
using SupportBot.Discord.Gateway;

namespace SupportBot.Tests.Discord.Gateway;

/// <summary>
/// Stands in for the intake in Gateway tests: records every attempt and every event handled, can fail on demand,
/// and can hold an event until the test lets it go (to drop the connection while it is being handled).
/// </summary>
public sealed class RecordingDispatchHandler : IDiscordDispatchHandler
{
    private readonly ConcurrentQueue<DiscordDispatch> _attempts = new();
    private readonly ConcurrentQueue<DiscordDispatch> _handled = new();
    private int _inFlight;

    /// <summary>Throws for an event while this says so (it gets the event and how many attempts came before).</summary>
    public Func<DiscordDispatch, int, bool>? FailWhen { get; set; }

    /// <summary>An event whose message id this names waits for <see cref="Release"/>.</summary>
    public string? HoldMessage { get; set; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MostAtOnce { get; private set; }

    public IReadOnlyList<DiscordDispatch> Attempts => [.. _attempts];

    public IReadOnlyList<DiscordDispatch> Handled => [.. _handled];

    /// <summary>The message ids of the MESSAGE_CREATEs handled, in order.</summary>
    public IReadOnlyList<string> Messages => [.. Handled.Where(d => d.Type == "MESSAGE_CREATE").Select(IdOf)];

    public int AttemptsAt(string messageId) => Attempts.Count(d => d.Type == "MESSAGE_CREATE" && IdOf(d) == messageId);

    public static string IdOf(DiscordDispatch d) => d.Data.GetProperty("id").GetString()!;

    public async Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken)
    {
        var before = dispatch.Type == "MESSAGE_CREATE" ? AttemptsAt(IdOf(dispatch)) : 0;
        _attempts.Enqueue(dispatch);
        MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref _inFlight));
        try
        {
            await Task.Yield();
            if (dispatch.Type == "MESSAGE_CREATE" && IdOf(dispatch) == HoldMessage)
                await Release.Task;
            if (FailWhen?.Invoke(dispatch, before) == true)
                throw new InvalidOperationException("the store did not answer (test)");
            _handled.Enqueue(dispatch);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
