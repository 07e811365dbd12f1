using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SupportBot.Postgres;

/// <summary>
/// The <c>Postgres</c> section: how long the database may keep a request waiting. Slack shows the user an error after
/// 3 seconds, so every wait ends well inside that with the honest "couldn't save, try again" answer, instead of a
/// late answer Slack no longer shows (for a change that may then have happened anyway).
/// </summary>
public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>
    /// A write's longest wait for a row another transaction holds (the ticket counter, a ticket): <c>lock_timeout</c>;
    /// zero leaves it unbounded. A replica's writes commit in groups, one hold of the counter per group, so a write
    /// on the other replica waits at most for one group. 2 s leaves room for a slow group on a loaded machine and
    /// still answers inside Slack's 3 s; past PostgreSQL's own <c>deadlock_timeout</c> (1 s), so two groups waiting
    /// for each other are told apart as a deadlock and run again, not refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "Postgres:LockTimeout must be between 00:00:00 (off) and 00:00:02.500 (inside Slack's 3 s).")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A write's longest statement, lock waits included: <c>statement_timeout</c>, set per transaction; zero leaves it unbounded.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "Postgres:StatementTimeout must be between 00:00:00 (off) and 00:00:02.500 (inside Slack's 3 s).")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// How long the server lets one of the bot's sessions sit idle inside a transaction before it ends it (and frees
    /// its locks): a replica paused or cut off mid-write then holds the ticket counter this long at most, not until
    /// it wakes. <c>idle_in_transaction_session_timeout</c>, on every session the bot opens.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:00:02.500", ErrorMessage = "Postgres:IdleInTransactionTimeout must be between 00:00:00.500 and 00:00:02.500 (inside Slack's 3 s).")]
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// How far this replica's clock may be from the database's before <c>/health</c> reports it (Degraded, the
    /// <c>postgres-clock</c> check). Leases go by the database's clock whatever this says; zero turns the check off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Postgres:MaxClockSkew must be between 00:00:00 (off) and 01:00:00.")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What a write runs first: the two waits for this transaction only.</summary>
    /// <remarks>
    /// One statement, not two: Npgsql sends a command of several statements from a thread-pool task when run
    /// synchronously, and with the pool starved by writers waiting their turn that send waited up to 20 s, the
    /// transaction holding the ticket counter meanwhile (caught by the two-gate race test).
    /// </remarks>
    public string SetLocalTimeouts() =>
        $"select set_config('lock_timeout', '{Ms(LockTimeout)}', true), set_config('statement_timeout', '{Ms(StatementTimeout)}', true)";

    /// <summary>
    /// What a group's next write runs first once one of the group met a row held past the bound: the lock wait left
    /// of <see cref="LockTimeout"/> after <paramref name="spent"/> of the group's time (at least 1 ms: a row free by
    /// then is taken at once, one still held refuses the write at once); null when off.
    /// </summary>
    public string? LockWaitLeft(TimeSpan spent) => LockTimeout <= TimeSpan.Zero ? null
        : $"select set_config('lock_timeout', '{Ms(Max(LockTimeout - spent, TimeSpan.FromMilliseconds(1)))}', true)";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The session setting, as libpq's <c>options</c> (the connection string's <c>Options</c>) carries it.</summary>
    public string SessionOptions() => $"-c idle_in_transaction_session_timeout={Ms(IdleInTransactionTimeout)}";

    private static string Ms(TimeSpan wait) => ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
