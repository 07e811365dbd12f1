using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Ai;

/// <summary><c>/ticket 12 draft</c>: a drafted answer for #12 with Send and Edit; the customer sees nothing until Send.</summary>
public sealed class DraftSubcommand(AiRequests requests) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["draft"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 draft` has the language model draft an answer to #12's customer, which you send or edit";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(requests.Queue(request, AiPurpose.Draft, "a draft answer for"));
}
