using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Slack.Interactions;
using SupportBot.Storage;

namespace SupportBot.Customers;

/// <summary>Which customer a channel belongs to.</summary>
public sealed class CustomerDirectory(CustomerStore store)
{
    public Customer? ForChannel(string channelId) => store.ForChannel(channelId);

    /// <summary>Who a mail address (a mail sender, a GitHub user's public email) belongs to by its domain.</summary>
    public Customer? ForAddress(string? address) => string.IsNullOrWhiteSpace(address) ? null : store.ForAddress(address);

    public bool IsCustomerChannel(string channelId) => ForChannel(channelId) is not null;
}

/// <summary>The root <c>Customers</c> array, bound as a list.</summary>
public sealed class CustomersOptions
{
    public List<Customer> Customers { get; set; } = [];
}

/// <summary>Seeds the store from the settings at start.</summary>
public sealed class CustomerSeed(IOptions<CustomersOptions> options, TimeProvider time) : IStoreSeed
{
    public void Seed(IStoreSession session) => CustomerStore.Seed(session, options.Value.Customers, time.GetUtcNow().UtcDateTime);
}

public static class CustomersExtensions
{
    public static IHostApplicationBuilder AddCustomers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CustomersOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection("Customers").Bind(o.Customers))
            .Validate(o => o.Customers.All(c => !string.IsNullOrWhiteSpace(c.Name)), "Every entry of Customers needs a Name.")
            .Validate(o => o.Customers.SelectMany(c => c.Channels).GroupBy(ch => ch).All(g => g.Count() == 1),
                "A channel id appears under two Customers entries; each channel belongs to one customer.")
            .Validate(o => o.Customers.SelectMany(c => c.Domains.Select(MailDomains.Normalize).OfType<string>().Distinct()).GroupBy(d => d).All(g => g.Count() == 1),
                "A mail domain appears under two Customers entries; each domain belongs to one customer.")
            // stored as compared: lower case (the validator has refused anything that is not a bare domain)
            .PostConfigure(o => o.Customers.ForEach(c => c.Domains = c.Domains.Select(d => MailDomains.Normalize(d) ?? d).Distinct().ToList()))
            .ValidateOnStart();
        builder.Services.AddSingleton(new CheckedSection("Customers", typeof(List<Customer>)));
        builder.Services.AddSingleton<IValidateOptions<CustomersOptions>, CustomersValidator>();
        builder.Services.AddSingleton<IStoreSeed, CustomerSeed>();
        builder.Services.AddSingleton<CustomerStore>();
        builder.Services.AddSingleton<CustomerDirectory>();
        return builder;
    }
}
