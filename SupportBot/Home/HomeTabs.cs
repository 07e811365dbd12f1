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

    /// <summary>Marks the users' tabs due for a refresh, unless one is already coming.</summary>
    public static void Touch(IStoreSession session, IReadOnlyCollection<string> userIds, DateTime now) =>
        session.HomeTabs.Touch(userIds, now + Debounce);

    /// <summary>With several replicas: how long one may take to refresh a tab it claimed before another does.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The tabs to refresh now: alone on the store, every due one; beside other replicas, the due ones this replica
    /// claimed, so two replicas never publish the same tab.
    /// </summary>
    public List<HomeTab> Due(DateTime now) =>
        gate.Shared ? gate.Write(s => s.HomeTabs.Claim(now, now + ClaimFor)) : gate.Read(s => s.HomeTabs.Due(now));

    /// <summary>Clears the refresh if nothing changed since <paramref name="version"/> (inside a caller's write).</summary>
    public static void Refreshed(IStoreSession session, string userId, long version, DateTime now)
    {
        if (session.HomeTabs.Find(userId) is not { } tab)
            return;
        if (tab.Version == version)
            tab.RefreshAt = null;
        else if (tab.RefreshAt > now + Debounce)
            tab.RefreshAt = now + Debounce; // changed while claimed (several replicas): due as soon as any change, not when the claim runs out
        else
            return;
        session.HomeTabs.Update(tab);
    }

}
