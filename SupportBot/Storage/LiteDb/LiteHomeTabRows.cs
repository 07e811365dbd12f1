using LiteDB;
using SupportBot.Home;

namespace SupportBot.Storage.LiteDb;

public sealed class LiteHomeTabRows(LiteDatabase db) : IHomeTabRows
{
    public const string Collection = "home_tabs";

    private ILiteCollection<HomeTabs.HomeTab> Tabs => db.GetCollection<HomeTabs.HomeTab>(Collection);

    public HomeTabs.HomeTab? Find(string userId) => Tabs.ById(userId);

    public void Insert(HomeTabs.HomeTab tab) => Tabs.Insert(tab);

    public void Update(HomeTabs.HomeTab tab) => Tabs.Update(tab);

    public List<HomeTabs.HomeTab> Due(DateTime now) =>
        Tabs.Find(Query.And(Query.Not(nameof(HomeTabs.HomeTab.RefreshAt), BsonValue.Null), Query.LTE(nameof(HomeTabs.HomeTab.RefreshAt), now))).ToList();

    public static void Prepare(LiteDatabase db)
    {
        StoreMapping.Prepare<HomeTabs.HomeTab>(db);
        db.GetCollection<HomeTabs.HomeTab>(Collection).EnsureIndex(t => t.RefreshAt);
    }
}
