namespace SupportBot.Storage;

/// <summary>
/// A copy of stored data that a feature loads after start (the open tickets), while the host already answers. A
/// slash command that comes before it is loaded is answered "still loading" before its handler runs, so nothing is
/// half done; anything else that needs the copy waits for the one load.
/// </summary>
public interface IStartupLoad
{
    /// <summary>Whether it is loaded within <paramref name="wait"/> (at once where there is nothing to load).</summary>
    bool WaitLoaded(TimeSpan wait);

    /// <summary>What is loading and how far, for the answer: "the open tickets (12,000 read so far)".</summary>
    string Progress { get; }
}
