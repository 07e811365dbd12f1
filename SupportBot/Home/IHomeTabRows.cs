using SupportBot.Storage;

namespace SupportBot.Home;

/// <summary>The App Home tabs engineers opened, and when each is due a refresh.</summary>
public interface IHomeTabRows
{
    HomeTabs.HomeTab? Find(string userId);

    void Insert(HomeTabs.HomeTab tab);

    void Update(HomeTabs.HomeTab tab);

    /// <summary>
    /// Bumps each tab's version and makes it due at <paramref name="at"/> unless it is due already; nothing for an
    /// engineer who never opened their Home. One statement with nothing to read back for all the users of a change:
    /// a sweep's batch of 500 tickets touched ~55 tabs, a round trip each on PostgreSQL.
    /// </summary>
    void Touch(IReadOnlyCollection<string> userIds, DateTime at);

    /// <summary>Tabs whose refresh is due by <paramref name="now"/>.</summary>
    List<HomeTabs.HomeTab> Due(DateTime now);

    /// <summary>
    /// For replicas sharing the store (inside a write): the tabs due by <paramref name="now"/> that no other replica is
    /// refreshing, each marked due again at <paramref name="until"/> in case this replica dies before refreshing it.
    /// </summary>
    List<HomeTabs.HomeTab> Claim(DateTime now, DateTime until);
}

/// <summary>Names the IHomeTabRows on a store session: <c>session.HomeTabs</c>.</summary>
public static class HomeTabRowsAccess
{
    extension(IStoreSession session)
    {
        public IHomeTabRows HomeTabs => session.Rows<IHomeTabRows>();
    }
}
