using SupportBot.Health;
using Microsoft.Extensions.Options;

namespace SupportBot.Customers;

/// <summary>Which customer a channel belongs to.</summary>
public sealed class CustomerDirectory(IOptions<CustomersOptions> options)
{
    public Customer? ForChannel(string channelId) =>
        options.Value.Customers.FirstOrDefault(c => c.Channels.Contains(channelId, StringComparer.Ordinal));

    public bool IsCustomerChannel(string channelId) => ForChannel(channelId) is not null;
}

/// <summary>The root <c>Customers</c> array, bound as a list.</summary>
public sealed class CustomersOptions
{
    public List<Customer> Customers { get; set; } = [];
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
        builder.Services.AddSingleton<CustomerDirectory>();
        return builder;
    }
}
