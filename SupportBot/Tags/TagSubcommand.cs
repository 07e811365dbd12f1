using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Tags;

/// <summary>
/// <c>/ticket 12 tag add billing sso</c> and <c>/ticket 12 tag remove sso</c>: the team files a ticket under
/// lower-case words. The answer names the ticket's tags now; the triage card shows them too.
/// </summary>
public sealed class TagSubcommand(TicketStore store, IOptions<SlackOptions> slack) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["tag", "tags"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 tag add|remove billing sso` files #12 under tags (or takes them off)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Answer(request)));

    private string Answer(StatusRequest request)
    {
        var number = request.RequiredTicket.Number;
        var words = TagWords.Split(request.Rest);
        var adding = words.Count > 0 && words[0].Equals("add", StringComparison.OrdinalIgnoreCase);
        var removing = words.Count > 0 && words[0].Equals("remove", StringComparison.OrdinalIgnoreCase);
        if (!adding && !removing || words.Count < 2)
            return $"{Now(request.RequiredTicket)} Use `{request.Command} {number} tag add billing sso` or `{request.Command} {number} tag remove sso`.";
        var tags = words.Skip(1).Select(TagWords.Normal).Distinct().ToList();
        var refused = tags.Where(t => !TagWords.IsValid(t)).ToList();
        if (refused.Count > 0)
            return $"Nothing changed on #{number}: {string.Join(", ", refused.Select(r => $"`{SlackText.Quote(r, TagWords.MaxLength)}`"))} " +
                   $"{(refused.Count == 1 ? "is not a tag" : "are not tags")}; {TagWords.Rule}.";
        return store.Change(set =>
        {
            var ticket = set.Find(number)!;
            var outcome = adding ? TicketTagging.Add(ticket, tags) : TicketTagging.Remove(ticket, tags);
            if (outcome.Changed.Count == 0 || outcome.Refusal is not null)
                return $"{outcome.Refusal ?? outcome.Unchanged} {Now(ticket)}";
            ticket.History.Add(new TicketHistoryEntry
            {
                At = set.Now, ActorId = request.UserId, What = $"{(adding ? "Tagged" : "Untagged")} {string.Join(", ", outcome.Changed)}",
            });
            set.Update(ticket);
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
            return $"{(outcome.Unchanged is null ? "" : outcome.Unchanged + " ")}{Now(ticket)}";
        });
    }

    private static string Now(Ticket t) =>
        t.Tags.Count == 0 ? $"#{t.Number} has no tags." : $"#{t.Number} tags: {TicketTags.Shown(t)}";
}
