using LiteDB;

namespace SupportBot.Storage;

/// <summary>A feature's indexes, applied once when the database opens.</summary>
public interface IStoreSetup
{
    void Apply(LiteDatabase database);
}

/// <summary>An <see cref="IStoreSetup"/> from a delegate, so features can register theirs in one line.</summary>
public sealed class StoreSetup(Action<LiteDatabase> apply) : IStoreSetup
{
    public void Apply(LiteDatabase database) => apply(database);
}
