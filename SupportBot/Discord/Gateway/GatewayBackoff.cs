namespace SupportBot.Discord.Gateway;

/// <summary>
/// Waits between connection attempts: none after a connection that worked (a drop is resumed at once), then about
/// 1, 2, 4 … s up to a minute while connecting keeps failing, each cut by a random part so bots do not retry in step.
/// </summary>
public static class GatewayBackoff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    public static TimeSpan After(int failures)
    {
        if (failures <= 0)
            return TimeSpan.Zero;
        var full = Math.Min(Math.Pow(2, Math.Min(failures - 1, 10)), Max.TotalSeconds);
        return TimeSpan.FromSeconds(full * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
