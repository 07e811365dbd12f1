using Microsoft.Extensions.Options;

namespace SupportBot.Intake;

/// <summary>Checks the <c>Intake</c> section at start-up; every message names the key to fix.</summary>
public sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var errors = new List<string>();
        if (options.PublicUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            errors.Add($"Intake:PublicUrl '{url}' is not an absolute http(s) URL.");
        if (options.OpsGenie.Notify is { Length: > 0 } notify && !Announcement.IsMentionable(notify))
            errors.Add($"Intake:OpsGenie:Notify '{notify}' must be a Slack user (U…/W…) or user group (S…) id, or here/channel.");
        if (options.GitHub.Labels.Any(string.IsNullOrWhiteSpace))
            errors.Add("Intake:GitHub:Labels has an empty label.");
        foreach (var (source, webhook) in options.Webhooks)
        {
            if (StandardWebhookKey.TryParse(webhook.Secret) is null)
                errors.Add($"Intake:Webhooks:{source}:Secret must be whsec_ followed by a base64 key of at least 16 bytes.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
