using Microsoft.Extensions.Options;

namespace SupportBot.Csat;

/// <summary>Checks the <c>Csat</c> section at start-up; a message names the key, never the secret's value.</summary>
public sealed class CsatOptionsValidator : IValidateOptions<CsatOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, CsatOptions options)
    {
        var errors = new List<string>();
        if (options.LinkSecret is { } secret && secret.Trim().Length < MinSecretLength)
            errors.Add($"Csat:LinkSecret must be at least {MinSecretLength} characters (e.g. the output of `openssl rand -hex 32`), or unset to derive one from Slack:BotToken.");
        if (options.LinkLifetime < TimeSpan.FromHours(1) || options.LinkLifetime > TimeSpan.FromDays(365))
            errors.Add("Csat:LinkLifetime must be between 01:00:00 and 365.00:00:00 (e.g. 30.00:00:00 for 30 days).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
