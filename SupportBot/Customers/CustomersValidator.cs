using Microsoft.Extensions.Options;
using SupportBot.Slack;

namespace SupportBot.Customers;

/// <summary>Each customer's channels are channel ids and its CE a user id, named by key when they are not.</summary>
public sealed class CustomersValidator : IValidateOptions<CustomersOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomersOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Customers.Count; i++)
        {
            var customer = options.Customers[i];
            for (var j = 0; j < customer.Channels.Count; j++)
            {
                if (!SlackIds.IsChannel(customer.Channels[j]))
                    errors.Add($"Customers:{i}:Channels:{j} is \"{customer.Channels[j]}\": {SlackOptionsValidator.ChannelHint}.");
            }
            for (var j = 0; j < customer.Domains.Count; j++)
            {
                if (MailDomains.Normalize(customer.Domains[j]) is null)
                    errors.Add($"Customers:{i}:Domains:{j} is \"{customer.Domains[j]}\": give a bare mail domain such as acme.com (no @, no https://).");
            }
            if (!string.IsNullOrWhiteSpace(customer.Ce) && !SlackIds.IsUser(customer.Ce))
                errors.Add($"Customers:{i}:Ce is \"{customer.Ce}\": {SlackOptionsValidator.UserHint}.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
