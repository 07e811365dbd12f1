using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Work.Escalation;

/// <summary>
/// <c>/status 12 escalate Has anyone seen zoekt stall?</c> (seed step 8.1): asks #technical-customer-collaboration
/// with the ticket's context, records the question on the ticket, and keeps the replies of its thread there.
/// </summary>
public sealed class EscalateSubcommand(TicketStore store, IOptions<SlackOptions> slack) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["escalate", "ask"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 escalate <question>` asks the collaboration channel, with the ticket's context";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Escalate(request)));

    private string Escalate(StatusRequest request)
    {
        var number = request.RequiredTicket.Number;
        var channel = slack.Value.CollaborationChannel?.Trim();
        if (string.IsNullOrEmpty(channel))
            return "No collaboration channel is set up: an admin sets `Slack:CollaborationChannel` to the id of " +
                   "#technical-customer-collaboration, then this posts there.";
        var question = request.Rest.Trim();
        if (question.Length == 0)
            return $"Write the question after the word: `{request.Command} {number} escalate Has anyone seen indexing stall at 40%?`";
        return store.Change(set =>
        {
            var ticket = set.Find(number)!;
            ticket.Escalations.Add(new TicketEscalation { At = set.Now, AuthorId = request.UserId, Question = question, ChannelId = channel });
            ticket.History.Add(new TicketHistoryEntry
            {
                At = set.Now, ActorId = request.UserId, What = $"Asked in the collaboration channel: {question}",
            });
            set.Update(ticket);
            var post = OutboxMessages.Post(channel, EscalationPost.Build(ticket, request.UserId, question));
            post.TicketNumber = number;
            post.Record = OutboxRecord.Escalation;
            set.Send(post);
            return $"I asked in {SlackText.Channel(channel)} with #{number}'s context. Replies in that thread show in `{request.Command} {number}`.";
        });
    }
}
