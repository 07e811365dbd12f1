using LiteDB;
using SupportBot.Storage;

namespace SupportBot.Slack.DeadLetters;

/// <summary>The <c>dead_letters</c> collection: counted in /health, listed and replayed by <c>deadletters</c> on the command line.</summary>
public sealed class DeadLetterStore(StoreGate gate, TimeProvider time)
{
    public const string Collection = "dead_letters";

    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<DeadLetter>(db);

    /// <summary>Keeps the letter and returns its id; 0 when even that could not be written (the error log is all there is then).</summary>
    public long Keep(DeadLetterKind kind, string sourceId, string type, string json, Exception reason)
    {
        try
        {
            return gate.Write(db => Keep(db, kind, sourceId, type, json, Reason(reason), time.GetUtcNow().UtcDateTime));
        }
        catch (Exception e) when (e is LiteException or IOException)
        {
            return 0;
        }
    }

    public static long Keep(LiteDatabase db, DeadLetterKind kind, string sourceId, string type, string json, string reason, DateTime at) =>
        Letters(db).Insert(new DeadLetter { Kind = kind, SourceId = sourceId, Type = type, Json = json, Reason = reason, At = at }).AsInt64;

    /// <summary>The count, unless the store stays busy for <paramref name="wait"/> (/health must not hang).</summary>
    public int? TryCount(TimeSpan wait) => gate.TryRead(db => Letters(db).Count(), wait, out var count) ? count : null;

    public static List<DeadLetter> All(LiteDatabase db) => Letters(db).FindAll().OrderBy(l => l.Id).ToList();

    public static bool Remove(LiteDatabase db, long id) => Letters(db).Delete(id);

    /// <summary>The exception's type and message, innermost cause included: what an operator needs to judge a replay.</summary>
    public static string Reason(Exception e)
    {
        var root = e;
        while (root.InnerException is not null)
            root = root.InnerException;
        return root == e ? $"{e.GetType().Name}: {e.Message}" : $"{e.GetType().Name}: {e.Message} ({root.GetType().Name}: {root.Message})";
    }

    private static ILiteCollection<DeadLetter> Letters(LiteDatabase db) => db.GetCollection<DeadLetter>(Collection);
}
