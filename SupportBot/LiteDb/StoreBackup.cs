using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Consistent copies of the running store: under the store's lock no change can commit, a checkpoint moves every
/// committed change from LiteDB's log into the data file, and that file is then copied (to a temporary name first,
/// so a copy under its final name is always whole).
/// </summary>
public sealed class StoreBackup(StoreGate gate, StoreFile file, IOptions<BackupOptions> options, TimeProvider time, ILogger<StoreBackup> logger) : IStoreBackup
{
    public const string DailyPrefix = "supportbot-";

    public void CopyTo(string target)
    {
        var source = file.Path ?? throw new InvalidOperationException("An in-memory store has no file to back up.");
        var full = Path.GetFullPath(target);
        if (string.Equals(full, source, StringComparison.Ordinal))
            throw new InvalidOperationException("The backup must not overwrite the data file itself.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        // under the lock but outside a transaction: a checkpoint needs the whole engine to itself
        gate.Read(db =>
        {
            db.Checkpoint();
            File.Copy(source, partial, overwrite: true);
            return true;
        });
        File.Move(partial, full, overwrite: true);
        logger.LogInformation("Backed up {Source} to {Target}", source, full);
    }

    /// <summary>Today's copy in Storage:Backup:Folder (once a day), then only the newest Storage:Backup:Keep kept. False when no folder is set.</summary>
    public bool Daily()
    {
        if (string.IsNullOrWhiteSpace(options.Value.Folder))
            return false;
        var folder = Path.GetFullPath(options.Value.Folder);
        var today = Path.Combine(folder, DailyPrefix + time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".db");
        if (!File.Exists(today))
            CopyTo(today);
        // the date in the name sorts oldest first, whatever the files' times say
        foreach (var old in Directory.GetFiles(folder, DailyPrefix + "????-??-??.db").Order(StringComparer.Ordinal).SkipLast(options.Value.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Removed the old backup {File}", old);
        }
        return true;
    }
}
