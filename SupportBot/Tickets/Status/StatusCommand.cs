using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Status;

/// <summary><c>/status</c>: my tickets, one ticket, a status change, or <c>setup</c> for a channel.</summary>
public sealed class StatusCommand(TicketStore store, StatusChanger changer, StatusView view, SupportTeam team,
    OutboxSender outbox, IOptions<SlackOptions> slack) : ISlashCommandHandler
{
    public string Command => slack.Value.Commands.Status;

    public Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Handle(command)));

    private string Handle(SlashCommand command)
    {
        var args = StatusArguments.Parse(command.Text);
        var isTeam = team.IsMember(command.UserId);
        if (args.Keyword is "help")
            return Usage;
        if (args.Keyword is "setup")
            return Setup(command, isTeam);
        if (args.Keyword is not null)
            return $"I didn't understand `{SlackText.Quote(args.Keyword)}`. {Usage}";
        if (args.Number is not { } number)
            return isTeam ? MyTickets(command.UserId) : view.Requests(store.RequestedBy(command.UserId));
        var ticket = store.Find(number);
        if (ticket is null)
            return $"I can't find ticket #{number}. `{Command}` lists your open tickets.";
        if (!isTeam && ticket.RequesterId != command.UserId)
            return $"Only the support team and the requester can see #{number}.";
        if (args.StatusWord is null)
            return view.Details(ticket);
        if (!isTeam)
            return "Only the support team can change a ticket's status. Reply in the ticket's thread and we'll take it from there.";
        if (args.NewStatus is not { } to)
            return $"`{SlackText.Quote(args.StatusWord)}` is not a status. Use one of: open, pending, on-hold, solved, closed " +
                   $"(e.g. `{Command} {number} pending waiting for logs`).";
        return changer.Change(number, to, command.UserId, args.Note, isTeam);
    }

    private const int MaxListed = 30;

    private string MyTickets(string userId)
    {
        var mine = store.AssignedTo(userId);
        var waiting = store.WaitingCount();
        var queue = $"{waiting} unassigned ticket{(waiting == 1 ? "" : "s")} waiting in the queue.";
        if (mine.Count == 0)
            return $"You hold no open tickets. {queue}";
        // a long list is cut, oldest first, so the answer stays well inside Slack's message size
        var shown = mine.Take(MaxListed).Select(view.Line);
        var more = mine.Count > MaxListed ? $"\n…and {mine.Count - MaxListed} more." : "";
        return $"Your open tickets ({mine.Count}):\n" + string.Join("\n", shown) + more + $"\n{queue}";
    }

    private string Setup(SlashCommand command, bool isTeam)
    {
        if (!isTeam)
            return "Only the support team can set up a channel.";
        outbox.Send(OutboxMessages.Post(command.ChannelId, RequestButtonMessage.Build()));
        return $"I'm posting the *Request support* button in {SlackText.Channel(command.ChannelId)}. Pin it so customers can find it.";
    }

    private string Usage =>
        $"`{Command}` lists your open tickets · `{Command} 12` shows #12 · `{Command} 12 pending|on-hold|open|solved|closed [note]` " +
        $"changes its status · `{Command} setup` posts the Request support button in this channel.";
}
