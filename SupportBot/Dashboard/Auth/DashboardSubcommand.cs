using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Dashboard.Auth;

/// <summary><c>/status dashboard</c>: a one-time sign-in link to the web dashboard, for the support team only.</summary>
public sealed class DashboardSubcommand(SignIns signIns, IOptions<DashboardOptions> options) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["dashboard"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} dashboard` sends you a sign-in link to the web dashboard";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        if (options.Value.PublicUrl is null)
            return Task.FromResult(SlackMessage.Ephemeral(
                "The dashboard has no address yet: an admin sets `Dashboard:PublicUrl` (e.g. https://support.example.com)."));
        var token = signIns.IssueLink(request.Slash.UserId);
        var url = options.Value.Link("/signin?token=" + token);
        var minutes = (int)options.Value.LinkLifetime.TotalMinutes;
        return Task.FromResult(SlackMessage.Ephemeral(
            $"{SlackText.Link(url, "Open the dashboard")}: this link is yours alone, works once and for {minutes} minutes."));
    }
}
