using LiteDB;
using SupportBot.Home;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteHomeTabRows(LiteDatabase db) : IHomeTabRows
{
    public const string Collection = "home_tabs";

    private ILiteCollection<HomeTabs.HomeTab> Tabs => db.GetCollection<HomeTabs.HomeTab>(Collection);

    public HomeTabs.HomeTab? Find(string userId) => Tabs.ById(userId);

    public void Insert(HomeTabs.HomeTab tab) => Tabs.Insert(tab);

    public void Update(HomeTabs.HomeTab tab) => Tabs.Update(tab);

    public void Touch(IReadOnlyCollection<string> userIds, DateTime at)
    {
        // a user who never opened their Home has no tab to keep current
        foreach (var tab in userIds.Select(Find).OfType<HomeTabs.HomeTab>())
        {
            tab.Version++;
            tab.RefreshAt ??= at;
            Update(tab);
        }
    }

    public List<HomeTabs.HomeTab> Due(DateTime now) =>
        Tabs.Find(Query.And(Query.Not(nameof(HomeTabs.HomeTab.RefreshAt), BsonValue.Null), Query.LTE(nameof(HomeTabs.HomeTab.RefreshAt), now))).ToList();

    /// <summary>The same rules as on PostgreSQL; one process refreshes every tab, so only the contract tests call it.</summary>
    public List<HomeTabs.HomeTab> Claim(DateTime now, DateTime until)
    {
        var due = Due(now);
        foreach (var tab in due)
        {
            tab.RefreshAt = until;
            Tabs.Update(tab);
        }
        return due;
    }

    public static void Prepare(LiteDatabase db)
    {
        StoreMapping.Prepare<HomeTabs.HomeTab>(db);
        db.GetCollection<HomeTabs.HomeTab>(Collection).EnsureIndex(t => t.RefreshAt);
    }
}
