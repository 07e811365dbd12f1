using SupportBot.Customers;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Replicas;

/// <summary>
/// Each replica keeps the customer records in memory; a change on one replica reaches the others' copies, and a copy
/// never holds what a write that rolled back wrote.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerReplicaTests(PostgresServer server) : IDisposable
{
    private const string NewChannel = "C_GLOBEX";

    private readonly ReplicaApps _replicas = new(server);

    public void Dispose() => _replicas.Dispose();

    private static Customer Globex() => new() { Name = "Globex", Channels = [NewChannel], Tier = "Enterprise" };

    [Fact]
    public async Task A_customer_added_on_one_replica_is_known_to_the_other()
    {
        var other = _replicas[1].Get<CustomerStore>();
        Assert.Null(other.ForChannel(NewChannel)); // the other replica holds its copy from before

        Assert.Null(_replicas[0].Get<CustomerStore>().Save(Globex(), null, TestSettings.Engineer));

        Assert.True(await Eventually.TrueAsync(() => other.ForChannel(NewChannel)?.Name == "Globex"),
            "the other replica never learned of the new customer");
    }

    [Fact]
    public void A_customer_read_inside_a_write_that_rolls_back_is_not_kept()
    {
        var store = _replicas[0].Get<CustomerStore>();
        var gate = _replicas[0].Get<SupportBot.Storage.IStoreGate>();

        Assert.Throws<InvalidOperationException>(() => gate.Write(s =>
        {
            s.Customers.Upsert(new Customer { Key = Customer.KeyOf("Globex"), Name = "Globex", Channels = [NewChannel] });
            Assert.Null(store.ForChannel(NewChannel)); // only what is committed
            throw new InvalidOperationException("the write failed");
        }));

        Assert.Null(store.ForChannel(NewChannel));
    }
}
