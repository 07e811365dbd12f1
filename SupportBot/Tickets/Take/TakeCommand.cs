using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Take;

/// <summary><c>/take</c>, <c>/take 12 15</c>, <c>/take all</c>, <c>/take 12 force</c>, <c>/take 12 @person note</c>.</summary>
public sealed class TakeCommand(TicketTaker taker, TicketHandOff handOff, TakeSummary summary, SupportTeam team,
    CustomerDirectory customers, IOptions<SlackOptions> slack) : ISlashCommandHandler
{
    /// <summary>Each taken ticket gets a few lines of context; this many still fit in one Slack message.</summary>
    public const int MaxAtOnce = 25;

    public string Command => slack.Value.Commands.Take;

    public Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(command));

    private SlackMessage Handle(SlashCommand command)
    {
        if (!team.IsMember(command.UserId))
            return SlackMessage.Ephemeral($"Sorry, only the support team can take tickets. If you need help, open a request with the *Request support* button in your channel.");
        var args = TakeArguments.Parse(command.Text);
        if (args.Unknown is not null)
            return SlackMessage.Ephemeral($"I didn't understand `{SlackText.Quote(args.Unknown)}`. {Usage}");
        if (args.HandTo is { } person)
            return SlackMessage.Ephemeral(handOff.HandOff(args.Numbers, command.UserId, person.Id, args.Note));
        if (args.Numbers.Distinct().Count() > MaxAtOnce)
            return SlackMessage.Ephemeral($"That is {args.Numbers.Distinct().Count()} tickets; I take at most {MaxAtOnce} at once " +
                $"(a longer answer would not fit in Slack). Use `{Command} all` in a customer channel for all of its unassigned tickets.");
        if (args.Next)
        {
            var next = taker.TakeNext(command.UserId);
            return SlackMessage.Ephemeral(next is null ? "No ticket is waiting. Nice work!" : summary.Describe([next]));
        }
        if (args.All)
        {
            if (!customers.IsCustomerChannel(command.ChannelId))
                return SlackMessage.Ephemeral($"`{Command} all` takes every unassigned ticket of a customer channel; run it in that channel.");
            var taken = taker.TakeAllInChannel(command.ChannelId, command.UserId);
            return SlackMessage.Ephemeral(taken.Count == 0 ? "This channel has no unassigned open ticket." : summary.Describe(taken));
        }
        return SlackMessage.Ephemeral(summary.Describe(taker.Take(args.Numbers, command.UserId, args.Force)));
    }

    private string Usage =>
        $"Use `{Command}` for the next waiting ticket, `{Command} 12` or `{Command} 12 15` for those tickets, " +
        $"`{Command} all` in a customer channel for all of its unassigned tickets, `{Command} 12 force` to take over a held ticket, " +
        $"and `{Command} 12 @person [note]` to hand a ticket to another engineer.";
}
