using LiteDB;
using SupportBot.Dashboard.Auth;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteGrantRows(LiteDatabase db) : IGrantRows
{
    public const string Links = "dashboard_links";
    public const string Sessions = "dashboard_sessions";

    private ILiteCollection<SignIns.Grant> Grants(GrantKind kind) =>
        db.GetCollection<SignIns.Grant>(kind == GrantKind.Link ? Links : Sessions);

    public SignIns.Grant? Find(GrantKind kind, string hash) => Grants(kind).ById(hash);

    public void Insert(GrantKind kind, SignIns.Grant grant) => Grants(kind).Insert(grant);

    public void Delete(GrantKind kind, string hash) => Grants(kind).Delete(hash);

    public void DeleteExpired(GrantKind kind, DateTime now) => Grants(kind).DeleteMany(Query.LT(nameof(SignIns.Grant.ExpiresAt), now));

    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<SignIns.Grant>(db);
}
