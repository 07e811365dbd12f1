using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// An index that holds only the documents a condition keeps. LiteDB indexes every value an expression yields and
/// a plain path yields null for a document without the value, so most tickets would sit in each SLA index under
/// null: every update that clears a deadline would insert a null key, and the index pages would cost memory. A
/// FILTER over a one-item array yields nothing for the others, so they have no key at all. Queries name the same
/// expression with ANY, which LiteDB answers from the index (an index seek or scan, never a full scan).
/// </summary>
public sealed record LiteSparseIndex(string Name, string Path, string Keep)
{
    public string Expression => $"FILTER(ITEMS([{Path}]) => {Keep})";

    /// <summary>Creates the index; a legacy plain index on the same path (<paramref name="replaces"/>) is dropped.</summary>
    public void Ensure(ILiteCollection<BsonDocument> collection, string? replaces = null)
    {
        if (replaces is not null)
            collection.DropIndex(replaces);
        collection.EnsureIndex(Name, Expression);
    }

    /// <summary>Documents whose kept value satisfies <c>ANY {op} @0</c>, e.g. <c>&lt;= now</c>.</summary>
    public BsonExpression Where(string op, BsonValue value) => BsonExpression.Create($"{Expression} ANY {op} @0", value);
}
