using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Work.Links;

/// <summary><c>/ticket 12 link 15</c> and <c>/ticket 12 unlink 15</c>: related tickets, recorded on both (<see cref="RelatedTickets"/>).</summary>
public sealed class LinkSubcommand(RelatedTickets related) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["link", "unlink"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 link 15` records #12 and #15 as related, on both (`unlink 15` undoes it)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var number = request.RequiredTicket.Number;
        var answer = TicketNumbers.Parse(request.Rest) switch
        {
            null => $"Name the other ticket: `{request.Command} {number} {request.Word} 15`.",
            var other when request.Word == "unlink" => related.Unlink(number, other.Value, request.UserId),
            var other => related.Link(number, other.Value, request.UserId),
        };
        return Task.FromResult(SlackMessage.Ephemeral(answer));
    }
}
