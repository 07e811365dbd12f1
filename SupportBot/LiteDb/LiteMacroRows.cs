using LiteDB;
using SupportBot.Macros;

namespace SupportBot.LiteDb;

public sealed class LiteMacroRows(LiteDatabase db) : IMacroRows
{
    public const string Collection = "macros";

    private ILiteCollection<Macro> Records => db.GetCollection<Macro>(Collection);

    public List<Macro> All() => Records.FindAll().ToList();

    public Macro? Find(string id) => Records.ById(id);

    public void Upsert(Macro macro) => Records.Upsert(macro);

    public void Delete(string id) => Records.Delete(id);
}
