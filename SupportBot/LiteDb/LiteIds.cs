using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Look-ups by <c>_id</c> without LiteDB 5.0.21's cost of <c>FindById</c>, which tokenizes and parses
/// <c>"_id = @0"</c> into a new expression tree on every call (a tenth of a sweep's time went there). The parsed
/// expression is kept per thread and given the id for each call: a query runs and finishes on the calling thread.
/// </summary>
public static class LiteIds
{
    [ThreadStatic]
    private static BsonExpression? _byId;

    public static T? ById<T>(this ILiteCollection<T> collection, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var expression = _byId ??= BsonExpression.Create("_id = @0", BsonValue.Null);
        expression.Parameters["0"] = id;
        try
        {
            return collection.Find(expression).FirstOrDefault();
        }
        finally
        {
            expression.Parameters["0"] = BsonValue.Null;
        }
    }
}
