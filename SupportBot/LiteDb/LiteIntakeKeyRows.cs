using LiteDB;
using SupportBot.Tickets.Intake;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteIntakeKeyRows(LiteDatabase db) : IIntakeKeyRows
{
    public const string Collection = "intake_keys";

    private ILiteCollection<IntakeKey> Keys => db.GetCollection<IntakeKey>(Collection);

    public IntakeKey? Find(string key) => Keys.ById(key);

    public void Insert(IntakeKey key) => Keys.Insert(key);

    public void Update(IntakeKey key) => Keys.Update(key);

    /// <summary>Maps <see cref="IntakeKey"/> when the database opens: concurrent first uses race in LiteDB's mapper.</summary>
    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<IntakeKey>(db);
}
