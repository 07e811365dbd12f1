using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Work.Fields;

/// <summary>
/// <c>/status 12 requester @asker</c> (seed step 10): ties the ticket to the person who really asked, e.g. when a
/// CE or an engineer opened it for them. The new requester can then see it with <c>/status 12</c>.
/// </summary>
public sealed class RequesterSubcommand(TicketStore store, IOptions<SlackOptions> slack) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["requester"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 requester @person` switches the requester to who really asked";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Switch(request)));

    private string Switch(StatusRequest request)
    {
        var number = request.RequiredTicket.Number;
        if (SlackMarkup.Mention(request.Rest) is not { } person)
            return $"Name the requester as a mention: `{request.Command} {number} requester @person`" +
                   (request.Rest.TrimStart().StartsWith('@') ? " (pick the person from Slack's list so it becomes a mention)." : ".");
        return store.Change(set =>
        {
            var ticket = set.Find(number)!;
            if (ticket.RequesterId == person.Id)
                return $"{SlackText.User(person.Id)} is already the requester of #{number}.";
            var previous = ticket.RequesterId;
            var what = $"Requester switched from {ticket.RequesterName ?? previous} to {person.Name ?? person.Id} ({person.Id})";
            ticket.RequesterId = person.Id;
            ticket.RequesterName = person.Name;
            ticket.History.Add(new TicketHistoryEntry
            {
                At = set.Now, ActorId = request.UserId, What = what,
            });
            set.Update(ticket);
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
            return $"#{number}'s requester is now {SlackText.User(person.Id)}.";
        });
    }
}
