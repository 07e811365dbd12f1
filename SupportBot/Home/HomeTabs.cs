using LiteDB;
using SupportBot.Storage;

namespace SupportBot.Home;

/// <summary>
/// Engineers who opened their App Home, and whether theirs needs republishing. A ticket change marks its assignee's
/// tab due a little later (<see cref="Debounce"/>), so a burst of changes is one <c>views.publish</c>.
/// </summary>
public sealed class HomeTabs(StoreGate gate)
{
    public const string Collection = "home_tabs";

    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(3);

    public sealed class HomeTab
    {
        [BsonId(autoId: false)]
        public string UserId { get; set; } = "";

        public DateTime? RefreshAt { get; set; }

        /// <summary>Bumped by every change, so a refresh rendered before a later change does not clear it.</summary>
        public long Version { get; set; }
    }

    /// <summary>Remembers an engineer who opened their Home (inside a caller's write).</summary>
    public static void Opened(LiteDatabase db, string userId)
    {
        if (Tabs(db).FindById(userId) is null)
            Tabs(db).Insert(new HomeTab { UserId = userId });
    }

    /// <summary>Marks the tab due for a refresh, unless one is already coming.</summary>
    public static void Touch(LiteDatabase db, string userId, DateTime now)
    {
        if (Tabs(db).FindById(userId) is not { } tab)
            return; // never opened: nothing to keep current
        tab.Version++;
        tab.RefreshAt ??= now + Debounce;
        Tabs(db).Update(tab);
    }

    public List<HomeTab> Due(DateTime now) =>
        gate.Read(db => Tabs(db).Find(Query.And(Query.Not(nameof(HomeTab.RefreshAt), BsonValue.Null), Query.LTE(nameof(HomeTab.RefreshAt), now))).ToList());

    /// <summary>Clears the refresh if nothing changed since <paramref name="version"/> (inside a caller's write).</summary>
    public static void Refreshed(LiteDatabase db, string userId, long version)
    {
        if (Tabs(db).FindById(userId) is { } tab && tab.Version == version)
        {
            tab.RefreshAt = null;
            Tabs(db).Update(tab);
        }
    }

    public static void Prepare(LiteDatabase db)
    {
        StoreMapping.Prepare<HomeTab>(db);
        Tabs(db).EnsureIndex(t => t.RefreshAt);
    }

    private static ILiteCollection<HomeTab> Tabs(LiteDatabase db) => db.GetCollection<HomeTab>(Collection);
}
