using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Slack;

namespace SupportBot.Tickets.Intake;

/// <summary>Turns a request into a ticket: numbered, tied to its customer, confirmed in its thread, triaged in #customer-support.</summary>
public sealed class TicketIntake(TicketStore store, CustomerDirectory customers, IOptions<SlackOptions> slack,
    IEnumerable<ITicketCreatedHook> hooks, ILogger<TicketIntake> logger, SupportBotMetrics metrics, CustomerMessages customerMessages)
{
    public Ticket Create(TicketDraft draft) => store.Change(set => Create(set, draft));

    /// <summary>Creates inside a caller's transaction (a follow-up is made in the same commit as its cause).</summary>
    public Ticket Create(TicketChangeSet set, TicketDraft draft)
    {
        // the channel names the customer; only where it does not (mail, GitHub) the asker's mail domain may
        var customer = customers.ForChannel(draft.ChannelId) ?? customers.ForAddress(draft.Email ?? MailSender(draft.Via));
        var ticket = new Ticket
        {
            Subject = draft.Subject.Trim(),
            Description = draft.Description.Trim(),
            Priority = draft.Priority,
            Source = draft.Source,
            RequesterId = draft.RequesterId,
            RequesterName = draft.RequesterName,
            ChannelId = draft.ChannelId,
            ThreadTs = draft.ThreadTs,
            FollowUpOf = draft.FollowUpOf,
            CustomerName = customer?.Name,
            Tier = customer?.Tier,
            CeId = string.IsNullOrWhiteSpace(customer?.Ce) ? null : customer.Ce,
            Via = draft.Via,
        };
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = draft.RequesterId, What = $"Created from {draft.Source}" });
        foreach (var hook in hooks)
            hook.OnCreating(ticket, set.Now);
        set.Insert(ticket);
        set.AfterCommit(() => logger.LogInformation("Ticket #{Number} created from {Source} in {Channel} by {Requester}, priority {Priority}",
            ticket.Number, ticket.Source, ticket.ChannelId, ticket.RequesterId, ticket.Priority));
        var card = OutboxMessages.Post(slack.Value.SupportChannel, TriageCard.Build(ticket));
        card.TicketNumber = ticket.Number;
        card.Record = OutboxRecord.TriageCard;
        if (draft.Via is not null)
        {
            // outside Slack: the acknowledgement goes where the customer asked, the request itself under the card
            set.Send(card);
            set.Send(customerMessages.Tell(ticket, Confirmation(ticket), OutboxPurposes.Confirmation));
            if (BeyondSubject(ticket) is { Length: > 0 } more)
                set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket, TriageThread.Mirror(ticket, more)));
            return ticket;
        }
        set.AfterCommit(() => metrics.TicketCreated(ticket.Source.ToString()));

        // in Slack the confirmation comes first; with no thread yet it starts the ticket's thread
        set.Send(customerMessages.Tell(ticket, Confirmation(ticket), OutboxPurposes.Confirmation));
        set.Send(card);
        return ticket;
    }

    /// <summary>
    /// What the request says besides its subject: a chat message's first line is its subject (Discord), already on
    /// the card, so only the rest is quoted under it, and a one-line message not at all.
    /// </summary>
    private static string BeyondSubject(Ticket ticket)
    {
        var description = ticket.Description.Trim();
        return description.StartsWith(ticket.Subject, StringComparison.Ordinal) ? description[ticket.Subject.Length..].Trim() : description;
    }

    private static string? MailSender(CustomerConversation? via) => via is { Kind: ConversationKind.Email } ? via.Address : null;

    private static string Confirmation(Ticket ticket)
    {
        var followUp = ticket.FollowUpOf is { } n ? $" as a follow-up of #{n}" : "";
        var who = ticket.Via is null ? SlackText.User(ticket.RequesterId) : SlackText.Escape(ticket.RequesterName ?? "there");
        var where = ticket.Talks == ConversationKind.Email ? "by reply to this mail" : "here";
        if (ticket.Via is not null)
            return $"Thanks {who}! I opened ticket *#{ticket.Number}* _{SlackText.Escape(ticket.Subject)}_{followUp}. " +
                   $"A support engineer will pick it up soon and answer {where}.";
        return $"Thanks {who}! I opened ticket *#{ticket.Number}* " +
               $"_{SlackText.Escape(ticket.Subject)}_{followUp}. A support engineer will pick it up soon and answer in this thread.";
    }
}

/// <summary>Lets other features (SLA clocks) stamp a ticket before it is first stored.</summary>
public interface ITicketCreatedHook
{
    void OnCreating(Ticket ticket, DateTime now);
}
