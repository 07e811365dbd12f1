using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Dashboard;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.CustomerView;

namespace SupportBot.Home;

/// <summary>Renders an engineer's Home from the open tickets (a customer's from their requests) and queues its <c>views.publish</c> in the outbox.</summary>
public sealed class HomePublisher(TicketStore tickets, SupportTeam team, IStoreGate gate, OutboxSignal signal, TimeProvider time,
    IOptions<DashboardOptions> dashboard, IOptions<SlackOptions> slack, CustomerViews customerViews)
{
    /// <summary>Publishes now (the tab was opened, or the engineer pressed a button on it).</summary>
    public void Publish(string userId, string? notice = null)
    {
        var view = Render(userId, notice);
        gate.Write(s =>
        {
            HomeTabs.Opened(s, userId);
            OutboxStore.Enqueue(s, Message(userId, view), time.GetUtcNow().UtcDateTime);
        });
        signal.Notify();
    }

    /// <summary>Republishes a tab marked due, unless a newer change marked it again meanwhile (then the next pass does).</summary>
    public void Refresh(HomeTabs.HomeTab tab)
    {
        var view = Render(tab.UserId, null);
        gate.Write(s =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            OutboxStore.Enqueue(s, Message(tab.UserId, view), now);
            HomeTabs.Refreshed(s, tab.UserId, tab.Version, now);
        });
        signal.Notify();
    }

    private JsonObject Render(string userId, string? notice)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dashboardUrl = dashboard.Value.PublicUrl is null ? null : dashboard.Value.Link("/");
        if (!team.IsMember(userId))
            return CustomerHome.Build(customerViews.Requests(userId));
        var queue = tickets.Unassigned().OrderBy(t => t.FirstResponseDueAt ?? DateTime.MaxValue).ThenBy(t => t.Number).ToList();
        var mine = tickets.AssignedTo(userId);
        var atRisk = queue.Concat(mine).Where(t => HomeView.IsAtRisk(t, now))
            .OrderBy(HomeView.NextDue).ToList();
        return HomeView.Build(new HomeView.Content(mine, queue, atRisk, dashboardUrl, slack.Value.Commands.Status, now, notice));
    }

    private static OutboxMessage Message(string userId, JsonObject view) => new()
    {
        Lane = "home:" + userId,
        Method = "views.publish",
        Args = new JsonObject { ["user_id"] = userId, ["view"] = view }.ToJsonString(),
    };
}
