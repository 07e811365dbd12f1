using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Storage;
using SupportBot.Postgres;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Storage.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests : StoreContract, IDisposable
{
    private readonly NpgsqlDataSource _source;

    public PostgresStoreContractTests(PostgresServer server)
    {
        var connection = server.NewDatabase();
        PostgresSchema.Upgrade(connection, NullLogger.Instance);
        _source = NpgsqlDataSource.Create(connection);
        Gate = new PostgresGate(_source, NullLogger<PostgresGate>.Instance);
        Gate.Open();
    }

    protected override IStoreGate Gate { get; }

    /// <summary>The database's clock cannot be moved: what it holds is aged instead, by as much.</summary>
    protected override void Pass(TimeSpan span)
    {
        base.Pass(span);
        StoredTime.Age(_source, span);
    }

    public void Dispose() => _source.Dispose();
}
