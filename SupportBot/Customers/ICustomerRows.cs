using SupportBot.Storage;

namespace SupportBot.Customers;

/// <summary>Customer records, keyed by <see cref="Customer.Key"/>.</summary>
public interface ICustomerRows
{
    List<Customer> All();

    Customer? Find(string key);

    void Upsert(Customer customer);

    void Delete(string key);
}

/// <summary>Names the ICustomerRows on a store session: <c>session.Customers</c>.</summary>
public static class CustomerRowsAccess
{
    extension(IStoreSession session)
    {
        public ICustomerRows Customers => session.Rows<ICustomerRows>();
    }
}
