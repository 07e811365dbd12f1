using System.Runtime.CompilerServices;
using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Numbers that never repeat, kept in the <c>counters</c> collection: call inside a <see cref="StoreGate"/> write, so
/// the number commits (or rolls back) with what it numbers.
/// <para>
/// Inside the gate's transaction the counters are read once and kept here, and written back once just before the
/// commit (<see cref="Save"/>): a sweep that queues 200 messages in one transaction reads and rewrites the outbox's
/// counter once, not 200 times (it was a sixth of the sweep's time). A rollback forgets them with the rest.
/// </para>
/// </summary>
public static class StoreSequence
{
    public const string Collection = "counters";

    /// <summary>The last number taken of each counter in the open transaction of a database, not yet written.</summary>
    private static readonly ConditionalWeakTable<LiteDatabase, Dictionary<string, long>> Taken = new();

    /// <param name="start">The last number already used, for a store from before this sequence was kept.</param>
    public static long Next(LiteDatabase db, string name, Func<long>? start = null)
    {
        if (Taken.TryGetValue(db, out var taken))
        {
            var next = (taken.TryGetValue(name, out var last) ? last : Read(db, name, start)) + 1;
            taken[name] = next;
            return next;
        }
        var alone = Read(db, name, start) + 1;
        Write(db, name, alone);
        return alone;
    }

    /// <summary>The gate has begun a transaction: numbers taken from now on are written by <see cref="Save"/>.</summary>
    public static void Begin(LiteDatabase db) => Taken.AddOrUpdate(db, []);

    /// <summary>Writes the numbers taken in the transaction; call before it commits.</summary>
    public static void Save(LiteDatabase db)
    {
        if (!Taken.TryGetValue(db, out var taken))
            return;
        foreach (var (name, last) in taken)
            Write(db, name, last);
        taken.Clear();
    }

    /// <summary>The transaction is over (committed or rolled back).</summary>
    public static void End(LiteDatabase db) => Taken.Remove(db);

    private static long Read(LiteDatabase db, string name, Func<long>? start) =>
        db.GetCollection(Collection).ById(name)?["value"].AsInt64 ?? start?.Invoke() ?? 0L;

    private static void Write(LiteDatabase db, string name, long value) =>
        db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = name, ["value"] = value });
}
