using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;

namespace SupportBot.Dashboard;

/// <summary>The dashboard's ticket pages, for links from Slack: only with <c>Dashboard:PublicUrl</c>, since Slack needs an absolute URL.</summary>
public sealed class DashboardTicketPages(IOptions<DashboardOptions> options) : ITicketPages
{
    public string? Url(int ticketNumber) =>
        options.Value.PublicUrl is null ? null : options.Value.Link("/tickets/" + ticketNumber.ToString(CultureInfo.InvariantCulture));
}
