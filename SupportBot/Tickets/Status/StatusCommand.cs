using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets.CustomerView;
using SupportBot.Tickets.Status.Subcommands;

namespace SupportBot.Tickets.Status;

/// <summary>
/// <c>/status</c>: my tickets, one ticket, or one of the <see cref="IStatusSubcommand"/>s (a status change, a note,
/// <c>team</c>, <c>setup</c>…). This class only parses and picks; each subcommand does its own work.
/// </summary>
public sealed class StatusCommand(TicketStore store, StatusView view, SupportTeam team, CustomerViews customerViews,
    IEnumerable<IStatusSubcommand> subcommands, IOptions<SlackOptions> slack) : ISlashCommandHandler
{
    private readonly IReadOnlyList<IStatusSubcommand> _subcommands = subcommands.ToList();

    public string Command => slack.Value.Commands.Status;

    public Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var args = StatusArguments.Parse(command.Text);
        var isTeam = team.IsMember(command.UserId);
        if (args.Word is "help")
            return Answer(Usage);
        if (args.Number is not { } number)
        {
            if (args.Word is { } word)
                return Standalone(command, word, args.Rest, isTeam, cancellationToken);
            return Answer(isTeam ? MyTickets(command.UserId) : view.Requests(customerViews.Requests(command.UserId)));
        }

        var ticket = store.Find(number);
        if (ticket is null)
            return Answer($"I can't find ticket #{number}. `{Command}` lists your open tickets.");
        // a Task is the team's own to-do, whoever is named on it: to anyone else it is somebody else's ticket
        if (!isTeam && (ticket.RequesterId != command.UserId || ticket.IsTask))
            return Answer($"Only the support team and the requester can see #{number}.");
        if (args.Word is null)
            return Task.FromResult(view.Message(ticket, forTeam: isTeam));
        var subcommand = Find(args.Word, onTicket: true);
        if (subcommand is null)
            return Answer($"`{SlackText.Quote(args.Word)}` is not a status. {TicketWords(number)}");
        return Run(subcommand, new StatusRequest(command, ticket, args.Word, args.Rest, isTeam), cancellationToken);
    }

    private Task<SlackMessage> Standalone(SlashCommand command, string word, string rest, bool isTeam, CancellationToken cancellationToken)
    {
        var subcommand = Find(word, onTicket: false);
        return subcommand is null
            ? Answer($"I didn't understand `{SlackText.Quote(word)}`. {StandaloneWords}")
            : Run(subcommand, new StatusRequest(command, null, word, rest, isTeam), cancellationToken);
    }

    private Task<SlackMessage> Run(IStatusSubcommand subcommand, StatusRequest request, CancellationToken cancellationToken)
    {
        if (subcommand.TeamOnly && !request.IsTeam)
            return Answer($"Only the support team can use `{Command} {(request.Ticket is { } t ? $"{t.Number} " : "")}{subcommand.Words[0]}`. " +
                          "If you need something, reply in your ticket's thread and we'll take it from there.");
        return subcommand.HandleAsync(request, cancellationToken);
    }

    private IStatusSubcommand? Find(string word, bool onTicket) =>
        _subcommands.FirstOrDefault(s => s.OnTicket == onTicket && s.Words.Contains(word));

    private static Task<SlackMessage> Answer(string text) => Task.FromResult(SlackMessage.Ephemeral(text));

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

    private string TicketWords(int number)
    {
        var others = _subcommands.Where(s => s.OnTicket && s is not ChangeStatusSubcommand && TicketStatusNames.Parse(s.Words[0]) is null).Select(s => $"`{s.Words[0]}`").ToList();
        return $"Use one of: open, pending, on-hold, solved, closed (e.g. `{Command} {number} pending waiting for logs`)" +
               (others.Count == 0 ? "" : $", or {string.Join(", ", others)}") + $". `{Command} help` explains each.";
    }

    /// <summary>Short on purpose: the whole usage grew past what a "wrong word" answer should make someone read.</summary>
    private string StandaloneWords =>
        $"Use `{Command}` for your tickets, `{Command} 12` for #12, or one of " +
        string.Join(", ", _subcommands.Where(s => !s.OnTicket).Select(s => $"`{Command} {s.Words[0]}`")) +
        $". `{Command} help` explains each.";

    private string Usage =>
        $"`{Command}` lists your open tickets · `{Command} 12` shows #12 · " +
        string.Join(" · ", _subcommands.Select(s => s.Usage(Command))) +
        $" · `{slack.Value.Commands.Take} 12 @person [note]` hands #12 to another engineer.";
}
