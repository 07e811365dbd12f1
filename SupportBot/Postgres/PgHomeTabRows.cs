using SupportBot.Home;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgHomeTabRows(PgSession s) : IHomeTabRows
{
    private const string Columns = "user_id, refresh_at, version";

    public HomeTabs.HomeTab? Find(string userId) =>
        s.Rows($"select {Columns} from home_tabs where user_id = @user{s.ForUpdate}", Read, ("user", userId)).FirstOrDefault();

    public void Insert(HomeTabs.HomeTab tab) => s.Execute(
        "insert into home_tabs (user_id, refresh_at, version) values (@user, @refresh, @version) on conflict (user_id) do nothing",
        ("user", tab.UserId), ("refresh", tab.RefreshAt), ("version", tab.Version));

    public void Update(HomeTabs.HomeTab tab) => s.Execute(
        "update home_tabs set refresh_at = @refresh, version = @version where user_id = @user",
        ("user", tab.UserId), ("refresh", tab.RefreshAt), ("version", tab.Version));

    // no read first (a select for update was a round trip more); the rows are locked in one order, by user, so two
    // changes touching the same tabs wait for each other instead of deadlocking
    public void Touch(IReadOnlyCollection<string> userIds, DateTime at)
    {
        if (userIds.Count > 0)
            s.Execute("""
                update home_tabs t set version = t.version + 1, refresh_at = coalesce(t.refresh_at, @at)
                from (select user_id from home_tabs where user_id = any(@users) order by user_id for update) locked
                where t.user_id = locked.user_id
                """, ("users", userIds.ToArray()), ("at", at));
    }

    public List<HomeTabs.HomeTab> Due(DateTime now) =>
        s.Rows($"select {Columns} from home_tabs where refresh_at <= @now order by refresh_at", Read, ("now", now));

    public List<HomeTabs.HomeTab> Claim(DateTime now, DateTime until) => s.Rows("""
        update home_tabs t set refresh_at = @until from (
            select user_id from home_tabs where refresh_at <= @now order by refresh_at for update skip locked) due
        where t.user_id = due.user_id returning t.user_id, t.refresh_at, t.version
        """, Read, ("now", now), ("until", until));

    private static HomeTabs.HomeTab Read(Npgsql.NpgsqlDataReader r) => new()
    {
        UserId = r.GetString(0), RefreshAt = r.IsDBNull(1) ? null : r.GetDateTime(1), Version = r.GetInt64(2),
    };
}
