using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Search;

/// <summary><c>/status search monorepo timeout</c>: the best matches, any status.</summary>
public sealed class SearchSubcommand(TicketSearch search) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["search", "find"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} search <words>` finds tickets by subject, description, notes and resolution";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        if (request.Rest.Trim().Length == 0)
            return Task.FromResult(SlackMessage.Ephemeral($"Search for what? e.g. `{request.Command} search monorepo timeout`."));
        var answer = search.Search(request.Rest);
        return Task.FromResult(SlackMessage.Ephemeral(SearchList.Show(answer, $"for _{SlackText.Quote(request.Rest)}_")));
    }
}

/// <summary><c>/status 12 similar</c>: tickets like #12, any status.</summary>
public sealed class SimilarSubcommand(TicketSearch search) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["similar", "like"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 similar` lists tickets like #12";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var ticket = request.RequiredTicket;
        var answer = search.Similar(ticket, max: 10, solvedOnly: false);
        return Task.FromResult(SlackMessage.Ephemeral(SearchList.Show(answer, $"like #{ticket.Number}")));
    }
}

/// <summary>Search results as lines: number, subject, status, customer.</summary>
public static class SearchList
{
    public static string Show(SearchAnswer answer, string what)
    {
        if (!answer.Ready)
            return "I'm still indexing tickets for search; try again in a minute.";
        if (answer.Hits.Count == 0)
            return $"No tickets {what}.";
        return $"Tickets {what}:\n" + string.Join("\n", answer.Hits.Select(Line));
    }

    public static string Line(SearchHit hit) =>
        $"*#{hit.Number}* {SlackText.Escape(hit.Subject)} · {hit.Status.Display()} · {SlackText.Escape(hit.Customer ?? "unknown customer")}";
}
