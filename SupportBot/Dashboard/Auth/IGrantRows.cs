using SupportBot.Storage;

namespace SupportBot.Dashboard.Auth;

/// <summary>Dashboard sign-in links and sessions, stored by the hash of their token.</summary>
public interface IGrantRows
{
    SignIns.Grant? Find(GrantKind kind, string hash);

    void Insert(GrantKind kind, SignIns.Grant grant);

    void Delete(GrantKind kind, string hash);

    /// <summary>Removes the grants of <paramref name="kind"/> that expired before <paramref name="now"/>.</summary>
    void DeleteExpired(GrantKind kind, DateTime now);
}

public enum GrantKind
{
    Link,
    Session,
}

/// <summary>Names the IGrantRows on a store session: <c>session.Grants</c>.</summary>
public static class GrantRowsAccess
{
    extension(IStoreSession session)
    {
        public IGrantRows Grants => session.Rows<IGrantRows>();
    }
}
