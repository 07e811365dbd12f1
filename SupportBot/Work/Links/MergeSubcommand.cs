using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Work.Links;

/// <summary>
/// <c>/ticket 12 merge 15</c>: #15 asked the same thing as #12, so it is closed as #12's duplicate and its requester
/// follows #12 from then on (<see cref="TicketMerger"/>).
/// </summary>
public sealed class MergeSubcommand(TicketMerger merger) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["merge"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 merge 15` closes #15 as a duplicate of #12 and tells its requester to follow #12";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var keep = request.RequiredTicket.Number;
        var answer = TicketNumbers.Parse(request.Rest) is { } duplicate
            ? merger.Merge(keep, duplicate, request.UserId, request.Command)
            : $"Name the duplicate to close into #{keep}: `{request.Command} {keep} merge 15`.";
        return Task.FromResult(SlackMessage.Ephemeral(answer));
    }
}
