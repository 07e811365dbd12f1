using Microsoft.Extensions.Options;

namespace SupportBot.Dashboard;

/// <summary>
/// Checks the <c>Dashboard</c> section at start-up, like <c>Intake:PublicUrl</c>: sign-in links and the App Home link
/// start with <c>Dashboard:PublicUrl</c>, and without a scheme (support.example.com) Slack shows them as text that opens
/// nothing.
/// </summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options) =>
        options.PublicUrl is { } url && url is not { IsAbsoluteUri: true, Scheme: "http" or "https" }
            ? ValidateOptionsResult.Fail($"Dashboard:PublicUrl '{url.OriginalString}' is not an absolute http(s) URL; write e.g. https://support.example.com.")
            : ValidateOptionsResult.Success;
}
