namespace SupportBot.Benchmarks;

/// <summary>A clock that stands still, so every run sees exactly the same tickets as due.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
