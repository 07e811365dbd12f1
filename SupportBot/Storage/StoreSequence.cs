using LiteDB;

namespace SupportBot.Storage;

/// <summary>
/// Numbers that never repeat, kept in the <c>counters</c> collection: call inside a <see cref="StoreGate"/> write, so
/// the number commits (or rolls back) with what it numbers.
/// </summary>
public static class StoreSequence
{
    public const string Collection = "counters";

    /// <param name="start">The last number already used, for a store from before this sequence was kept.</param>
    public static long Next(LiteDatabase db, string name, Func<long>? start = null)
    {
        var counters = db.GetCollection(Collection);
        var counter = counters.FindById(name) ?? new BsonDocument { ["_id"] = name, ["value"] = start?.Invoke() ?? 0L };
        var next = counter["value"].AsInt64 + 1;
        counter["value"] = next;
        counters.Upsert(counter);
        return next;
    }
}
