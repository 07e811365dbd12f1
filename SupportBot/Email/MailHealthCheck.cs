using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupportBot.Time;

namespace SupportBot.Email;

/// <summary>
/// Degraded while a mailbox cannot log in or be read (customers' mail waits on the server, unseen), or while the SMTP
/// server's last send failed (answers wait in the outbox); each named with its error and since when.
/// </summary>
public sealed class MailHealthCheck(MailStatus status, IOptions<EmailOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<(string Key, string Text, DateTime Since)>();
        foreach (var mailbox in options.Value.Mailboxes)
        {
            if (status.Mailboxes.TryGetValue(mailbox.Name, out var failing))
                problems.Add(($"mailbox:{mailbox.Name}", $"mailbox {mailbox.Name} ({mailbox.User} at {mailbox.Host}:{mailbox.Port}): {failing.Error}", failing.Since));
        }
        if (status.Smtp is { } smtp)
            problems.Add(("smtp", $"the mail server {options.Value.Smtp.Host}:{options.Value.Smtp.Port} did not take the last mail: {smtp.Error}", smtp.Since));
        if (problems.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy(options.Value.Mailboxes.Count == 0 && string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
                ? "no mail configured"
                : "every mailbox is read; the mail server took the last mail (or has not been asked yet)"));
        var first = problems.MinBy(p => p.Since);
        var data = new Dictionary<string, object> { ["cause"] = first.Text, ["since"] = first.Since.ToString("O") };
        foreach (var (key, text, since) in problems)
            data[key] = $"{text} (since {since:O})";
        return Task.FromResult(HealthCheckResult.Degraded(
            string.Join("; ", problems.Select(p => $"{p.Text}, since {Durations.Stamp(p.Since)}")), data: data));
    }
}
