using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// At intake, once a new ticket is embedded (in the background, long after its request was answered): when it reads
/// like an open ticket of the same requester or customer record, its triage thread gets "looks like #12: merge?" with
/// a button (<see cref="MergeSuggestionButton"/>). Once per ticket, also with replicas or after a restart: the
/// suggestion is a history line written in the same transaction as the message.
/// </summary>
public sealed class DuplicateSuggestion(TicketVectors vectors, TicketStore store, TimeProvider time,
    IOptions<SimilarityOptions> options, IOptions<SlackOptions> slack)
{
    public const string HistoryMark = "Looks like #";

    public void Check(TicketFacts fresh)
    {
        var settings = options.Value;
        if (!fresh.IsOpen || !fresh.Mergeable || time.GetUtcNow().UtcDateTime - fresh.CreatedAt > settings.SuggestWithin
            || vectors.Vector(fresh.Number) is not { } vector)
            return;
        var match = vectors.Nearest(vector.Vector,
            t => t.Number < fresh.Number && t.IsOpen && t.Mergeable && t.SameCustomerAs(fresh), 1, (float)settings.DuplicateThreshold);
        if (match.Count == 1)
            Suggest(fresh.Number, match[0]);
    }

    private void Suggest(int freshNumber, VectorMatch match) => store.Change(set =>
    {
        var fresh = set.Find(freshNumber);
        var keep = set.Find(match.Ticket.Number);
        if (fresh is null || keep is null || fresh.Status.IsDone() || keep.Status.IsDone() || fresh.DuplicateOf is not null
            || fresh.History.Exists(h => h.What.StartsWith(HistoryMark, StringComparison.Ordinal)))
            return false;
        fresh.History.Add(new TicketHistoryEntry
        {
            At = set.Now,
            What = $"{HistoryMark}{keep.Number} (similarity {match.Similarity:0.00}); suggested merging into it",
        });
        set.Update(fresh);
        set.Send(TriageThread.Post(slack.Value.SupportChannel, fresh, MergeSuggestionButton.Message(fresh, keep, set.Now)));
        return true;
    });
}
