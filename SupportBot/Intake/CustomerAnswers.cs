using System.Security.Cryptography;
using System.Text;
using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Payloads;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Work;

namespace SupportBot.Intake;

/// <summary>
/// An engineer answering a ticket's customer from a command (<c>reply</c>, a saved reply) or shortcut: by the bot in
/// the customer's Slack thread, or by mail or GitHub, sent through <see cref="CustomerMessages"/>, recorded as the
/// team's reply (the first response), and mirrored under the triage card.
/// </summary>
public sealed class CustomerAnswers(TicketStore store, StatusChanger status, IOptions<SlackOptions> slack, IOptions<IntakeOptions> intake, CustomerMessages customerMessages)
{
    /// <summary>
    /// What the engineer is told: why the answer was not sent, that it is queued (mail waits for the mail server), or
    /// else <paramref name="sending"/>. <paramref name="answerId"/> makes a repeat a no-op. <paramref name="text"/> is
    /// as typed (unescaped; mentions and links as Slack's markup). <paramref name="then"/>: the status the ticket
    /// moves to once answered (a saved reply's), in the same commit.
    /// </summary>
    public string Send(int number, string engineerId, string text, string answerId, string sending, TicketStatus? then = null) => store.Change(set =>
    {
        if (set.Find(number) is not { } ticket)
            return $"There is no ticket #{number}.";
        if (ticket.Talks == ConversationKind.GitHub && string.IsNullOrWhiteSpace(intake.Value.GitHub.Token))
            return $"The bot cannot comment on GitHub without Intake:GitHub:Token: answer on the issue ({TicketPeople.Where(ticket)}).";
        if (ticket.Conversation.Contains(answerId))
            return sending;
        if (Compose(ticket, text, engineerId) is not { } answer)
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
        return (answer.Queued ?? sending) + Then(set, ticket, then, engineerId);
    });

    /// <summary>
    /// A Slack customer's answer is the bot's post in the ticket's thread (the engineer's typed mentions and links stay
    /// markup, everything else escaped once); others go through their <see cref="ICustomerChannel"/>.
    /// </summary>
    private CustomerAnswer? Compose(Ticket ticket, string text, string engineerId) => ticket.Talks == ConversationKind.Slack
        ? customerMessages.Tell(ticket, SlackMarkup.EscapeAroundReferences(text), OutboxPurposes.Answer, engineerId) is { } post ? new CustomerAnswer(post) : null
        : customerMessages.Answer(ticket, text, engineerId);

    private string Then(TicketChangeSet set, Ticket ticket, TicketStatus? then, string engineerId)
    {
        if (then is not { } to || to == ticket.Status)
            return "";
        if (TicketLifecycle.Refusal(ticket.Status, to) is { } why)
            return $" #{ticket.Number} stays {ticket.Status.Display()}: {why}.";
        status.Apply(set, ticket, to, engineerId, "with the answer", actorIsTeam: true);
        return $" #{ticket.Number} is now *{to.Display()}*.";
    }

    /// <summary>
    /// A command's answer id: a retried request (the same trigger and text) answers once. Slack gives every command
    /// its own trigger; without one, every request is its own answer.
    /// </summary>
    public static string CommandAnswerId(SlashCommand slash, int number) => slash.TriggerId is not { Length: > 0 } trigger
        ? $"answer:{Guid.NewGuid():N}"
        : $"answer:{trigger}:{number}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(slash.Text)))[..16]}";

    /// <summary>The ticket whose triage card heads this thread in the support channel.</summary>
    public Ticket? ByTriageThread(string threadTs) => store.Change(set => TicketLookups.ByTriageCard(set, threadTs));
}
