using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>What a failed PostgreSQL call means for the write that made it.</summary>
public static class PgFailures
{
    /// <summary>Deadlock, serialization failure, or a unique key committed meanwhile by another writer: run it again.</summary>
    public static bool LostARace(PostgresException e) => e.SqlState is "40P01" or "40001" or "23505";

    /// <summary>
    /// The store could not take the write, and why; null for a rule of the data or a bug in the work. Class 25 is
    /// "invalid transaction state": 25006 (read-only transaction: <c>default_transaction_read_only</c>, or a standby
    /// during a failover) and 25P03 (the server ended a transaction left idle too long). 55P03 and 57014 are the
    /// bounded waits of <see cref="PostgresOptions"/> running out.
    /// </summary>
    public static StoreFailure? Classify(Exception e) => e switch
    {
        PostgresException { SqlState: "55P03" or "57014" } => StoreFailure.Busy,
        PostgresException pg when ReadOnly(pg) => StoreFailure.ReadOnly,
        PostgresException pg => pg.SqlState[..2] is "08" or "25" or "53" or "57" or "58" or "40" or "XX" ? StoreFailure.Failing : null,
        NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException => StoreFailure.Failing,
        _ => null,
    };

    /// <summary>25006, or its words ("cannot execute INSERT in a read-only transaction") under another state from a proxy.</summary>
    private static bool ReadOnly(PostgresException e) =>
        e.SqlState is "25006" || e.MessageText.Contains("read-only transaction", StringComparison.OrdinalIgnoreCase);
}
