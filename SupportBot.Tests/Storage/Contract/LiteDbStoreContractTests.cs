using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.Tests.Storage.Contract;

public sealed class LiteDbStoreContractTests : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-contract-").FullName;
    private readonly StoreGate _gate;

    public LiteDbStoreContractTests()
    {
        var file = new StoreFile($"Filename={Path.Combine(_folder, "store.db")}", (c, m) => new LiteDatabase(c, m), NullLogger<StoreFile>.Instance);
        _gate = new StoreGate(file, NullLogger<StoreGate>.Instance);
        _gate.Open();
    }

    protected override IStoreGate Gate => _gate;

    public void Dispose()
    {
        _gate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
