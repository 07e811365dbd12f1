using Npgsql;
using NpgsqlTypes;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Macros;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// One connection's view of the store: inside a write, one transaction (<see cref="Writing"/>), whose ticket reads
/// lock their rows until the commit; a read runs each statement on its own.
/// </summary>
public sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction) : IStoreSession
{
    public bool Writing => transaction is not null;

    /// <summary>What a read that will be followed by a write of the same rows adds, inside a write.</summary>
    public string ForUpdate => Writing ? " for update" : "";

    /// <summary>Every kind of record PostgreSQL keeps, each in its own table (the migrations make them).</summary>
    public static readonly RowKinds<PgSession> Kinds = new(
    [
        Kind<ITicketRows>(s => new PgTicketRows(s)),
        Kind<IOutboxRows>(s => new PgOutboxRows(s)),
        Kind<IIntakeKeyRows>(s => new PgIntakeKeyRows(s)),
        Kind<IEventRows>(s => new PgEventRows(s)),
        Kind<IDeadLetterRows>(s => new PgDeadLetterRows(s)),
        Kind<ICustomerRows>(s => new PgCustomerRows(s)),
        Kind<IGrantRows>(s => new PgGrantRows(s)),
        Kind<IMailboxCursorRows>(s => new PgMailboxCursorRows(s)),
        Kind<IHomeTabRows>(s => new PgHomeTabRows(s)),
        Kind<IMacroRows>(s => new PgMacroRows(s)),
    ]);

    private readonly object?[] _rows = Kinds.NewCache();

    public TRows Rows<TRows>() where TRows : class => Kinds.Get<TRows>(this, _rows);

    private static KeyValuePair<Type, Func<PgSession, object>> Kind<TRows>(Func<PgSession, TRows> make) where TRows : class =>
        KeyValuePair.Create(typeof(TRows), (Func<PgSession, object>)make);

    public int Execute(string sql, params (string Name, object? Value)[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql, params (string Name, object? Value)[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteScalar() is T value ? value : default!;
    }

    /// <summary>The rows of <paramref name="sql"/>, each made by <paramref name="read"/>.</summary>
    public List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var command = Command(sql, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>The records kept whole in the first column (jsonb) of each row.</summary>
    public List<T> Docs<T>(string sql, params (string Name, object? Value)[] args) => Rows(sql, r => PgJson.Read<T>(r.GetString(0)), args);

    public T? Doc<T>(string sql, params (string Name, object? Value)[] args) where T : class => Docs<T>(sql, args).FirstOrDefault();

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in args)
            command.Parameters.Add(Parameter(name, value));
        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        NpgsqlParameter typed => typed, // typed by its maker: the arrays a batch statement unnests
        Jsonb json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Json },
        // timestamptz takes UTC instants only; the bot's dates are UTC, some unmarked (DateTime.MinValue)
        DateTime d => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = Utc(d) },
        _ => new NpgsqlParameter(name, value),
    };

    public static DateTime Utc(DateTime d) => d.Kind switch
    {
        DateTimeKind.Utc => d,
        DateTimeKind.Local => d.ToUniversalTime(),
        _ => DateTime.SpecifyKind(d, DateTimeKind.Utc),
    };
}
