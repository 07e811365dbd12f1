using System.Text;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Work.Team;

/// <summary>
/// <c>/status team</c>: each engineer's open tickets by status and their oldest wait, then the queue by priority.
/// It is how the team notices someone is overwhelmed (seed step 4) and balances the load.
/// </summary>
public sealed class TeamSubcommand(TicketStore store, SupportTeam team, TimeProvider time) : IStatusSubcommand
{
    private const int MaxQueueNumbers = 10;

    public IReadOnlyList<string> Words { get; } = ["team", "workload"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} team` shows each engineer's open tickets and the queue";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Workload()));

    private string Workload()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = store.AllOpen();
        var held = open.Where(t => t.AssigneeId is not null).ToLookup(t => t.AssigneeId!);
        // everyone on the team, plus anyone who still holds tickets after leaving it
        var people = team.Members.Concat(held.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Tickets: held[id].Where(t => !t.IsTask).ToList(), Tasks: held[id].Count(t => t.IsTask)))
            .OrderByDescending(p => p.Tickets.Count).ThenBy(p => p.Id, StringComparer.Ordinal);
        var text = new StringBuilder("*Team workload* (open tickets)\n");
        foreach (var (id, tickets, tasks) in people)
        {
            var taskText = tasks == 0 ? "" : $" · {tasks} open Task{(tasks == 1 ? "" : "s")}";
            if (tickets.Count == 0)
            {
                text.AppendLine($"• {SlackText.User(id)}: no open tickets{taskText}");
                continue;
            }
            var byStatus = string.Join(", ", tickets.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Display()}"));
            var oldest = tickets.MinBy(t => t.CreatedAt)!;
            text.AppendLine($"• {SlackText.User(id)}: *{tickets.Count}* open ({byStatus}) · oldest waiting " +
                            $"{Durations.Short(now - oldest.CreatedAt)} (#{oldest.Number}){taskText}");
        }
        text.Append(Queue(store.Unassigned(), now));
        return text.ToString().TrimEnd();
    }

    private static string Queue(List<OpenTicket> queue, DateTime now)
    {
        if (queue.Count == 0)
            return "*Queue*: empty, nothing is waiting.";
        var text = new StringBuilder($"*Queue*: {queue.Count} unassigned\n");
        foreach (var group in queue.GroupBy(t => t.Priority).OrderBy(g => g.Key))
        {
            var oldestFirst = group.OrderBy(t => t.CreatedAt).ToList();
            var numbers = string.Join(", ", oldestFirst.Take(MaxQueueNumbers).Select(t => $"#{t.Number}"));
            var more = oldestFirst.Count > MaxQueueNumbers ? $" and {oldestFirst.Count - MaxQueueNumbers} more" : "";
            text.AppendLine($"• {group.Key}: {group.Count()} · {numbers}{more} · oldest waiting {Durations.Short(now - oldestFirst[0].CreatedAt)}");
        }
        return text.ToString();
    }
}
