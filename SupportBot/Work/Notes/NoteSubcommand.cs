using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Work.Notes;

/// <summary><c>/status 12 note Customer runs 5.2 behind a proxy</c>: an internal note, for the team's eyes only.</summary>
public sealed class NoteSubcommand(TicketStore store) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["note"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 note <text>` adds an internal note (never shown to the customer)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var number = request.RequiredTicket.Number;
        var outcome = store.Change(set => set.Find(number) is { } ticket
            ? TicketNotes.Add(set, ticket, request.UserId, request.UserId, request.Rest)
            : NoteOutcome.Empty);
        return Task.FromResult(SlackMessage.Ephemeral(outcome switch
        {
            NoteOutcome.Added => $"Added an internal note to #{number}. Only the team sees it, in `{request.Command} {number}`.",
            NoteOutcome.Full => $"#{number} already has {TicketNotes.MaxNotes} notes; nothing was added. Summarise them in a new ticket or Task.",
            _ => $"Write the note after the word: `{request.Command} {number} note Customer runs 5.2 behind a proxy`.",
        }));
    }
}
