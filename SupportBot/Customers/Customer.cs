
namespace SupportBot.Customers;

/// <summary>
/// A customer: the channels they ask in, tier, lifecycle, contract, CE, exceptions and links. Seeded from the
/// <c>Customers</c> settings, kept in the store, edited in Slack with <c>/status customer</c>.
/// </summary>
public sealed class Customer
{
    /// <summary>The name in lower case: one record per customer name.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";
    public List<string> Channels { get; set; } = [];

    /// <summary>Mail domains (lower case, e.g. acme.com) whose senders are this customer: see <see cref="MailDomains"/>.</summary>
    public List<string> Domains { get; set; } = [];
    public string? Tier { get; set; }
    public CustomerLifecycle Lifecycle { get; set; } = CustomerLifecycle.Customer;
    public SupportContract Contract { get; set; } = SupportContract.Standard;

    /// <summary>The customer engineer's user id, looped in when a ticket is taken.</summary>
    public string? Ce { get; set; }

    /// <summary>What an engineer should know before answering (contract, environment, quirks).</summary>
    public string? Notes { get; set; }

    /// <summary>The seed's "Exceptions for Customers": what this customer gets that others do not.</summary>
    public string? Exceptions { get; set; }

    /// <summary>Account doc, CRM record, dashboards: one link a line, optionally "label: url".</summary>
    public List<string> Links { get; set; } = [];

    /// <summary>Who changed what, when; an edit made in Slack keeps the settings from overwriting the record.</summary>
    public List<CustomerChange> Changes { get; set; } = [];

    public bool EditedInSlack => Changes.Any(c => c.By is not null);

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();
}

public enum CustomerLifecycle
{
    Trial,
    Customer,
    Community,
    SelfService,
}

public enum SupportContract
{
    Standard,
    Dedicated,
}

/// <summary>One edit of a customer record; <see cref="By"/> is null for the settings seed.</summary>
public sealed class CustomerChange
{
    public DateTime At { get; set; }
    public string? By { get; set; }
    public string What { get; set; } = "";
}

public static class CustomerWords
{
    public static string Display(this CustomerLifecycle stage) => stage switch
    {
        CustomerLifecycle.Trial => "trial",
        CustomerLifecycle.Customer => "customer",
        CustomerLifecycle.Community => "community/open source",
        CustomerLifecycle.SelfService => "self-service",
        _ => stage.ToString(),
    };

    public static string Display(this SupportContract contract) => contract.ToString().ToLowerInvariant();
}
