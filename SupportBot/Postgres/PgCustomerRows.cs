using SupportBot.Customers;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgCustomerRows(PgSession s) : ICustomerRows
{
    // not locked: every ticket write reads the customers (whose channel is it?), and would queue on one another
    public List<Customer> All() => s.Docs<Customer>("select doc from customers order by key");

    public Customer? Find(string key) => s.Doc<Customer>($"select doc from customers where key = @key{s.ForUpdate}", ("key", key));

    public void Upsert(Customer customer) => s.Execute(
        "insert into customers (key, doc) values (@key, @doc) on conflict (key) do update set doc = excluded.doc",
        ("key", customer.Key), ("doc", new Jsonb(PgJson.Write(customer))));

    public void Delete(string key) => s.Execute("delete from customers where key = @key", ("key", key));
}
