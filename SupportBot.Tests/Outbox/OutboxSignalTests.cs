using Microsoft.Extensions.Time.Testing;
using SupportBot.Outbox;

namespace SupportBot.Tests.Outbox;

/// <summary>The worker's wake-up: a notification is never lost, whatever it races with.</summary>
public sealed class OutboxSignalTests
{
    /// <summary>
    /// A wait ends by its timeout, and a lane finishes in the same instant: its notification must still wake the
    /// next wait. (It used to go to the timed-out wait, still queued on the semaphore: on a busy machine the worker
    /// slept with a lane to deliver until its next timeout, which a replica test's stopped clock never brought.)
    /// </summary>
    [Fact]
    public async Task A_notification_right_after_a_wait_timed_out_wakes_the_next_wait()
    {
        using var signal = new OutboxSignal();
        var time = new FakeTimeProvider();
        for (var i = 0; i < 200; i++)
        {
            var first = signal.WaitAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1)); // the timeout: the wait is ending, its semaphore wait being cancelled
            signal.Notify();                        // a lane finishes meanwhile
            if (await first)
                continue; // the notification ended this wait: nothing lost

            var next = signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
            // bounded only so a lost notification fails the test instead of hanging it
            Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10))));
            Assert.True(await next, $"round {i}: the next wait ended without the notification");
        }
    }
}
