namespace SupportBot.Storage;

/// <summary>The bot-made daily copies of an engine that keeps its data in a file (LiteDB); PostgreSQL has none.</summary>
public interface IStoreBackup
{
    /// <summary>Makes the day's copy when it is not there yet and drops old ones; false when none is configured.</summary>
    bool Daily();
}
