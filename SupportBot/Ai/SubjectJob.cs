using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Ai;

/// <summary>
/// The model's subject for a new ticket, applied as a subject change with a history line and the triage card
/// updated; left alone if anyone changed the subject meanwhile. A failure keeps the first line (and is logged).
/// </summary>
public sealed class SubjectJob(TicketStore store, ModelClient model, IOptions<AiOptions> options, IOptions<SlackOptions> slack)
{
    public async Task RunAsync(AiJob job, CancellationToken cancellationToken)
    {
        var ticket = store.Find(job.Number);
        if (AiRules.Refusal(options.Value, ticket, job.Number) is not null || ticket!.Subject != job.Subject)
            return;
        var answer = await model.AskAsync(AiPurpose.Subject, job.Number, Instructions.Subject, TicketPrompt.Request(ticket), cancellationToken);
        if (!answer.Ok || SubjectQuality.Clean(answer.Text!) is not { } subject)
            return;
        store.Change(set =>
        {
            if (set.Find(job.Number) is not { } t || t.Subject != job.Subject)
                return false;
            t.Subject = subject;
            t.History.Add(new TicketHistoryEntry { At = set.Now, What = $"Subject suggested by the language model; it read “{job.Subject}”" });
            set.Update(t);
            set.Send(TicketTaker.TriageUpdate(t, slack.Value.SupportChannel));
            return true;
        });
    }
}
