using LiteDB;
using SupportBot.Customers;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteCustomerRows(LiteDatabase db) : ICustomerRows
{
    public const string Collection = "customers";

    private ILiteCollection<Customer> Records => db.GetCollection<Customer>(Collection);

    public List<Customer> All() => Records.FindAll().ToList();

    public Customer? Find(string key) => Records.ById(key);

    public void Upsert(Customer customer) => Records.Upsert(customer);

    public void Delete(string key) => Records.Delete(key);
}
