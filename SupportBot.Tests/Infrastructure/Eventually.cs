namespace SupportBot.Tests.Infrastructure;

/// <summary>Bounded polling for what background services do (never a sleep on the app's clock).</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = 5000)
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

    /// <summary>Moves the fake clock in steps until <paramref name="condition"/> holds, giving the app a moment after each step.</summary>
    public static async Task<bool> AdvanceUntilAsync(this SupportBotApp app, Func<bool> condition, TimeSpan step, int maxSteps = 20)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await TrueAsync(condition, 250))
                return true;
            app.Time.Advance(step);
        }
        return await TrueAsync(condition, 1000);
    }
}
