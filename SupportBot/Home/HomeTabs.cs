using SupportBot.Storage;

namespace SupportBot.Home;

/// <summary>
/// Engineers who opened their App Home, and whether theirs needs republishing. A ticket change marks its assignee's
/// tab due a little later (<see cref="Debounce"/>), so a burst of changes is one <c>views.publish</c>.
/// </summary>
public sealed class HomeTabs(IStoreGate gate)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(3);

    public sealed class HomeTab
    {
        [LiteDB.BsonId(autoId: false)]
        public string UserId { get; set; } = "";

        public DateTime? RefreshAt { get; set; }

        /// <summary>Bumped by every change, so a refresh rendered before a later change does not clear it.</summary>
        public long Version { get; set; }
    }

    /// <summary>Remembers an engineer who opened their Home (inside a caller's write).</summary>
    public static void Opened(IStoreSession session, string userId)
    {
        if (session.HomeTabs.Find(userId) is null)
            session.HomeTabs.Insert(new HomeTab { UserId = userId });
    }

    /// <summary>Marks the tab due for a refresh, unless one is already coming.</summary>
    public static void Touch(IStoreSession session, string userId, DateTime now)
    {
        if (session.HomeTabs.Find(userId) is not { } tab)
            return; // never opened: nothing to keep current
        tab.Version++;
        tab.RefreshAt ??= now + Debounce;
        session.HomeTabs.Update(tab);
    }

    public List<HomeTab> Due(DateTime now) => gate.Read(s => s.HomeTabs.Due(now));

    /// <summary>Clears the refresh if nothing changed since <paramref name="version"/> (inside a caller's write).</summary>
    public static void Refreshed(IStoreSession session, string userId, long version)
    {
        if (session.HomeTabs.Find(userId) is { } tab && tab.Version == version)
        {
            tab.RefreshAt = null;
            session.HomeTabs.Update(tab);
        }
    }

}
