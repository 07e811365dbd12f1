using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Work.Tasks;

/// <summary><c>/status tasks</c>: your open Tasks, oldest first, each with the ticket it belongs to.</summary>
public sealed class MyTasksSubcommand(TicketStore store, TimeProvider time) : IStatusSubcommand
{
    private const int MaxListed = 30;

    public IReadOnlyList<string> Words { get; } = ["tasks"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} tasks` lists your open Tasks";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var mine = store.AssignedTo(request.UserId).Where(t => t.IsTask).ToList();
        if (mine.Count == 0)
            return Task.FromResult(SlackMessage.Ephemeral(
                $"You have no open Tasks. `{request.Command} 12 task <text>` creates one for #12."));
        var now = time.GetUtcNow().UtcDateTime;
        var lines = mine.Take(MaxListed).Select(t =>
            $"*#{t.Number}* {SlackText.Escape(t.Subject)} · {t.Status.Display()} · for #{t.TaskOf} · {Durations.Short(now - t.CreatedAt)} old");
        var more = mine.Count > MaxListed ? $"\n…and {mine.Count - MaxListed} more." : "";
        return Task.FromResult(SlackMessage.Ephemeral($"Your open Tasks ({mine.Count}):\n{string.Join("\n", lines)}{more}"));
    }
}
