using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Slack.Interactions;
using SupportBot.Storage;

namespace SupportBot.Customers;

/// <summary>Which customer a channel belongs to.</summary>
public sealed class CustomerDirectory(CustomerStore store)
{
    public Customer? ForChannel(string channelId) => store.ForChannel(channelId);

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
            .ValidateOnStart();
        builder.Services.AddSingleton(new CheckedSection("Customers", typeof(List<Customer>)));
        builder.Services.AddSingleton<IValidateOptions<CustomersOptions>, CustomersValidator>();
        builder.Services.AddSingleton<IStoreSeed, CustomerSeed>();
        builder.Services.AddSingleton<CustomerStore>();
        builder.Services.AddSingleton<CustomerDirectory>();
        return builder;
    }
}
