namespace SupportBot.Intake;

/// <summary>The <c>Intake</c> section: the secrets each webhook sender signs with. A source without its secret is off.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>The bot's public base URL as senders see it (HubSpot signs the full URL); unset: the request's own.</summary>
    public string? PublicUrl { get; set; }

    public GitHubIntakeOptions GitHub { get; set; } = new();
    public OpsGenieIntakeOptions OpsGenie { get; set; } = new();
    public HubSpotIntakeOptions HubSpot { get; set; } = new();

    /// <summary>Standard Webhooks senders by the name in their URL (<c>/intake/webhook/{name}</c>).</summary>
    public Dictionary<string, StandardWebhookOptions> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class GitHubIntakeOptions
{
    public string? Secret { get; set; }

    /// <summary>Issues with one of these labels become tickets; empty: every opened issue.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>A token allowed to comment on the issues: answers to the customer become comments.</summary>
    public string? Token { get; set; }

    /// <summary>GitHub Enterprise's API URL; unset: github.com.</summary>
    public Uri? ApiUrl { get; set; }
}

public sealed class OpsGenieIntakeOptions
{
    public string? Token { get; set; }

    /// <summary>Who an incident is announced to: a user (U…) or user group (S…) id, or <c>here</c>/<c>channel</c>.</summary>
    public string? Notify { get; set; }
}

public sealed class HubSpotIntakeOptions
{
    public string? Secret { get; set; }
}

public sealed class StandardWebhookOptions
{
    /// <summary><c>whsec_</c> followed by the base64 key, as Standard Webhooks senders show it.</summary>
    public string? Secret { get; set; }
}
