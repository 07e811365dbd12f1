using System.Collections;
using System.Reflection;
using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// After a write fails inside LiteDB 5.0.21's commit (a full disk), its transaction can no longer be disposed: its
/// dirty pages are in a state the engine does not expect, and disposing throws "discarded page must be writable".
/// Left alone, the transaction's finalizer throws that on the GC's thread once the request's thread goes away,
/// which ends the whole process. So before a broken engine is dropped, its open transactions are taken off the
/// finalizer queue. This reaches into LiteDB's internals (fields of 5.0.21); if they ever change, the attempt is
/// logged and skipped, and the update's tests (FullDiskTests) say so.
/// </summary>
public static class BrokenEngine
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    /// <returns>How many transactions were taken off the finalizer queue; null when LiteDB's internals were not as expected.</returns>
    public static int? ForgetTransactions(LiteDatabase database)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(database);
        var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is not IDictionary transactions)
            return null;
        var forgotten = 0;
        lock (transactions)
        {
            foreach (var transaction in transactions.Values)
            {
                if (transaction is null)
                    continue;
#pragma warning disable CA1816 // on purpose: another object's finalizer, which must not run (see the summary)
                GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
                forgotten++;
            }
        }
        return forgotten;
    }
}
