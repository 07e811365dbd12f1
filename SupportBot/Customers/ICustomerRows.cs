namespace SupportBot.Customers;

/// <summary>Customer records, keyed by <see cref="Customer.Key"/>.</summary>
public interface ICustomerRows
{
    List<Customer> All();

    Customer? Find(string key);

    void Upsert(Customer customer);

    void Delete(string key);
}
