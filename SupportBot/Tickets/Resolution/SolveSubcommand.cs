using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Tickets.Resolution;

/// <summary>
/// <c>/status 12 solved workaround https://…</c>: solves along a resolution path. A bare <c>solved</c> opens the
/// resolution modal (nothing is solved until it is submitted); a Task solves with a bare <c>solved</c>.
/// </summary>
public sealed class SolveSubcommand(TicketResolver resolver, StatusChanger changer, FormOpener opener) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["solved", "solve", "resolved"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) =>
        $"`{command} 12 solved {ResolutionPaths.Words} [note]` solves it along a resolution path (bare `solved` opens a form)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var ticket = request.RequiredTicket;
        if (ticket.IsTask && request.Rest.Length == 0)
            return Answer(changer.Change(ticket.Number, TicketStatus.Solved, request.UserId, note: null, request.IsTeam));
        if (TicketLifecycle.Refusal(ticket.Status, TicketStatus.Solved) is { } why)
            return Answer($"#{ticket.Number} stays {ticket.Status.Display()}: {why}.");
        if (request.Rest.Length == 0)
            return Answer(OpenForm(request, ticket));
        var (choice, error) = ResolutionChoice.Parse(request.Rest, ticket.Resolution?.Link);
        if (choice is null)
            return Answer($"{error} Use `{request.Command} {ticket.Number} solved {ResolutionPaths.Words} [note]`, " +
                          $"or a bare `{request.Command} {ticket.Number} solved` for the form.");
        return Answer(resolver.Solve(ticket.Number, choice, request.UserId).Answer);
    }

    private string OpenForm(StatusRequest request, Ticket ticket)
    {
        if (string.IsNullOrEmpty(request.Slash.TriggerId))
            return $"Say how #{ticket.Number} was resolved: `{request.Command} {ticket.Number} solved {ResolutionPaths.Words}`.";
        opener.Open(request.Slash, ResolutionForm.Build(ticket));
        return $"Opening the resolution form for #{ticket.Number}; it is solved when you submit it.";
    }

    private static Task<SlackMessage> Answer(string text) => Task.FromResult(SlackMessage.Ephemeral(text));
}
