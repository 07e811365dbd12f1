namespace SupportBot.Storage;

/// <summary>
/// A copy of the store that loads after start (the open tickets) was not ready within the wait a request may spend:
/// the request is told to try again in a few seconds, never answered from a half-loaded copy.
/// </summary>
public sealed class StillLoadingException(string what) : Exception($"Still loading {what}")
{
    /// <summary>What is loading and how far it got, for the user: "the open tickets (12,000 read so far)".</summary>
    public string What { get; } = what;
}
