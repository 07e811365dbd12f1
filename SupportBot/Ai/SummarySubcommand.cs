using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Ai;

/// <summary><c>/ticket 12 summary</c>: the model's short summary of #12, for a hand-off or an escalation.</summary>
public sealed class SummarySubcommand(AiRequests requests) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["summary"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 summary` has the language model (Ai:Endpoint) summarise #12, for you only";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(requests.Queue(request, AiPurpose.Summary, "a summary of"));
}
