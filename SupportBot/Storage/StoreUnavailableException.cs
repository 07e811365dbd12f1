namespace SupportBot.Storage;

/// <summary>The data file cannot be used at all (damaged, locked by another process, folder not writable): the bot must not start.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null, bool locked = false) : Exception(message, inner)
{
    /// <summary>Another process holds the data file's lock (a running bot).</summary>
    public bool Locked { get; } = locked;
}

/// <summary>A write did not reach the disk (full, failing, gone): nothing of it was kept, and it must not be answered as success.</summary>
public sealed class StoreWriteFailedException(Exception inner, StoreFailure failure = StoreFailure.Failing)
    : Exception($"The store could not save a change: {inner.Message}", inner)
{
    /// <summary>Why: what the answer may tell the user (try again now, or later) and whether to keep the request.</summary>
    public StoreFailure Failure { get; } = failure;
}

public enum StoreFailure
{
    /// <summary>The disk, the network or the database failed.</summary>
    Failing,

    /// <summary>A row stayed locked by another change past the wait the store allows: trying again soon may work.</summary>
    Busy,

    /// <summary>The database takes no writes (read-only, or a standby during a failover).</summary>
    ReadOnly,
}

public static class StoreFailures
{
    /// <summary>
    /// Whether a store call failed because the store could not take the write (a failed commit, the disk, the embedded
    /// engine's own error), as opposed to a bug in the work: what a caller that must not lose its input catches.
    /// </summary>
    public static bool IsWriteFailure(Exception e) => e is StoreWriteFailedException or IOException or LiteDB.LiteException;
}
