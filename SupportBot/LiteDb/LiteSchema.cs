using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>Every collection's indexes and type mappings, applied once when the database opens, before any other use.</summary>
public static class LiteSchema
{
    public static void Apply(LiteDatabase db)
    {
        LiteTicketRows.EnsureIndexes(db);
        LiteOutboxRows.Prepare(db);
        LiteIntakeKeyRows.Prepare(db);
        LiteEventRows.EnsureIndexes(db);
        LiteDeadLetterRows.Prepare(db);
        StoreMapping.Prepare<Customers.Customer>(db);
        LiteGrantRows.Prepare(db);
        LiteMailboxCursorRows.Prepare(db);
        LiteHomeTabRows.Prepare(db);
        StoreMapping.Prepare<Macros.Macro>(db);
    }
}
