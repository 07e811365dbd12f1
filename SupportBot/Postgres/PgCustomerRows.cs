using SupportBot.Customers;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgCustomerRows(PgSession s) : ICustomerRows
{
    // read once per session, so once per write group: every ticket write reads the customers (whose channel is it?),
    // a round trip each of the ~9 a form submission took. A group's later writes see them as of its first read, as if
    // they had run before an edit another replica committed meanwhile; an edit in this session stops the copy for good
    // (a write undone after it may have changed them)
    private List<Customer>? _all;
    private bool _edited;

    // not locked: every ticket write reads the customers, and would queue on one another
    public List<Customer> All()
    {
        var all = _all ?? s.Docs<Customer>("select doc from customers order by key");
        if (!_edited)
            _all = all;
        return [.. all];
    }

    public Customer? Find(string key) => s.Doc<Customer>($"select doc from customers where key = @key{s.ForUpdate}", ("key", key));

    public void Upsert(Customer customer)
    {
        Edited();
        s.Execute("insert into customers (key, doc) values (@key, @doc) on conflict (key) do update set doc = excluded.doc",
            ("key", customer.Key), ("doc", new Jsonb(PgJson.Write(customer))));
    }

    public void Delete(string key)
    {
        Edited();
        s.Execute("delete from customers where key = @key", ("key", key));
    }

    private void Edited()
    {
        _edited = true;
        _all = null;
    }
}
