using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Work;

namespace SupportBot.Intake;

/// <summary>
/// An engineer answering, from Slack, a customer who talks outside it (mail, GitHub): sent through
/// <see cref="CustomerMessages"/>, counted as the first response, and mirrored under the triage card.
/// </summary>
public sealed class CustomerAnswers(TicketStore store, StatusChanger status, IOptions<SlackOptions> slack, IOptions<IntakeOptions> intake, CustomerMessages customerMessages)
{
    /// <summary>
    /// What the engineer is told: why the answer was not sent, that it is queued (mail waits for the mail server), or
    /// else <paramref name="sending"/>. <paramref name="answerId"/> makes a repeat a no-op.
    /// </summary>
    public string Send(int number, string engineerId, string text, string answerId, string sending) => store.Change(set =>
    {
        if (set.Find(number) is not { } ticket)
            return $"There is no ticket #{number}.";
        if (ticket.Talks == ConversationKind.Slack)
            return $"The customer of #{number} talks in Slack: answer in the customer thread.";
        if (ticket.Talks == ConversationKind.GitHub && string.IsNullOrWhiteSpace(intake.Value.GitHub.Token))
            return $"The bot cannot comment on GitHub without Intake:GitHub:Token: answer on the issue ({TicketPeople.Where(ticket)}).";
        if (ticket.Conversation.Contains(answerId))
            return sending;
        if (customerMessages.Answer(ticket, text, engineerId) is not { } answer)
            return $"#{number} has no customer to answer ({TicketPeople.Source(ticket.Source)}).";
        set.Send(answer.Message);
        ticket.Conversation.Add(new ConversationEntry { Ts = answerId, UserId = engineerId, FromTeam = true, Text = text, At = set.Now });
        if (ticket.FirstResponseAt is null)
        {
            ticket.FirstResponseAt = set.Now;
            ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = engineerId, What = $"First response ({TicketPeople.Where(ticket)})" });
        }
        set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket,
            TriageThread.Mirror(ticket, text, answer.Heading ?? $"{SlackText.User(engineerId)} answered the customer")));
        if (ticket.Status == TicketStatus.New)
            status.Apply(set, ticket, TicketStatus.Open, engineerId, "answered the customer", actorIsTeam: true);
        else
            set.Update(ticket);
        return answer.Queued ?? sending;
    });

    /// <summary>The ticket whose triage card heads this thread in the support channel.</summary>
    public Ticket? ByTriageThread(string threadTs) => store.Change(set => TicketLookups.ByTriageCard(set, threadTs));
}
