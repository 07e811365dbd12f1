namespace SupportBot.Tests.Infrastructure;

/// <summary>Bounded polling for what background services do (never a sleep on the app's clock).</summary>
public static class Eventually
{
    /// <summary>
    /// How long a wait for something that should happen may take before the test gives up: generous, since a wait
    /// ends as soon as its event happens, and on a busy machine (two cores at load 20) the app's background services
    /// sometimes ran seconds late, past the 3 to 10 s these waits had. Waits that something does not happen pass
    /// their own short timeouts.
    /// </summary>
    public const int PatienceMs = 30_000;

    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = PatienceMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                return false;
            await Task.Delay(10);
        }
        return true;
    }

    /// <summary>
    /// Moves the fake clock in steps until <paramref name="condition"/> holds, giving the app a moment after each step,
    /// and after the last one all the patience it needs (a step too many is harmless: these conditions have no deadline).
    /// </summary>
    public static async Task<bool> AdvanceUntilAsync(this SupportBotApp app, Func<bool> condition, TimeSpan step, int maxSteps = 20)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await TrueAsync(condition, 250))
                return true;
            app.Time.Advance(step);
        }
        return await TrueAsync(condition);
    }
}
