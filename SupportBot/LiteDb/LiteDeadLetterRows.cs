using LiteDB;
using SupportBot.Slack.DeadLetters;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteDeadLetterRows(LiteDatabase db) : IDeadLetterRows
{
    public const string Collection = "dead_letters";

    private ILiteCollection<DeadLetter> Letters => db.GetCollection<DeadLetter>(Collection);

    public long Insert(DeadLetter letter) => Letters.Insert(letter).AsInt64;

    public List<DeadLetter> All() => Letters.FindAll().OrderBy(l => l.Id).ToList();

    public int Count() => Letters.Count();

    public bool Delete(long id) => Letters.Delete(id);

    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<DeadLetter>(db);
}
