using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Customers;

namespace SupportBot.Email;

/// <summary>Checks the <c>Email</c> section at start-up; every message names the key to fix.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var m = options.Mailboxes[i];
            foreach (var (key, value) in new[] { ("Name", m.Name), ("Host", m.Host), ("User", m.User), ("Password", m.Password), ("Folder", m.Folder) })
            {
                if (string.IsNullOrWhiteSpace(value))
                    errors.Add($"Email:Mailboxes:{i}:{key} is required.");
            }
            if (m.Port is < 1 or > 65535)
                errors.Add($"Email:Mailboxes:{i}:Port must be between 1 and 65535.");
        }
        if (options.Mailboxes.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Mailboxes.Count)
            errors.Add("Email:Mailboxes: two mailboxes have the same Name.");
        var smtp = options.Smtp;
        if (options.Mailboxes.Count > 0 || !string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (string.IsNullOrWhiteSpace(smtp.Host))
                errors.Add("Email:Smtp:Host is required to answer mail.");
            if (smtp.Port is < 1 or > 65535)
                errors.Add("Email:Smtp:Port must be between 1 and 65535.");
            if (!MailboxAddress.TryParse(smtp.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
                errors.Add("Email:Smtp:From must be the address answers come from (support@example.com or \"Support <support@example.com>\").");
        }
        for (var i = 0; i < options.TeamDomains.Count; i++)
        {
            if (MailDomains.Normalize(options.TeamDomains[i]) is null)
                errors.Add($"Email:TeamDomains:{i} is \"{options.TeamDomains[i]}\": give a bare mail domain such as example.com.");
        }
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
            errors.Add("Email:PollInterval must be between 00:00:01 and 01:00:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
