namespace SupportBot.Storage;

/// <summary>
/// An in-memory copy a feature loads at start, from the engine the start opened the file with, just
/// before that engine is dropped. LiteDB 5 keeps every page one read touches until the read ends and never gives
/// its cache back: a large read on the engine the app keeps (the open tickets: 90 MB of cache at 100,000 tickets)
/// would stay in memory for good, while on the dropped engine it costs nothing the check has not already paid.
/// Only for a store this process alone writes; a copy not loaded here (it failed) loads on first use.
/// </summary>
public interface IStoreWarmUp
{
    void WarmUp(IStoreSession session);
}
