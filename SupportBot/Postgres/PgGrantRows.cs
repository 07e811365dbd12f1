using SupportBot.Dashboard.Auth;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgGrantRows(PgSession s) : IGrantRows
{
    public SignIns.Grant? Find(GrantKind kind, string hash) => s.Rows(
        $"select hash, user_id, expires_at from grants where kind = @kind and hash = @hash{s.ForUpdate}",
        r => new SignIns.Grant { Hash = r.GetString(0), UserId = r.GetString(1), ExpiresAt = r.GetDateTime(2) },
        ("kind", kind.ToString()), ("hash", hash)).FirstOrDefault();

    public void Insert(GrantKind kind, SignIns.Grant grant) => s.Execute(
        "insert into grants (kind, hash, user_id, expires_at) values (@kind, @hash, @user, @expires)",
        ("kind", kind.ToString()), ("hash", grant.Hash), ("user", grant.UserId), ("expires", grant.ExpiresAt));

    public void Delete(GrantKind kind, string hash) =>
        s.Execute("delete from grants where kind = @kind and hash = @hash", ("kind", kind.ToString()), ("hash", hash));

    public void DeleteExpired(GrantKind kind, DateTime now) =>
        s.Execute("delete from grants where kind = @kind and expires_at < @now", ("kind", kind.ToString()), ("now", now));
}
