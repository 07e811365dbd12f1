using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Work.Tasks;

/// <summary>
/// <c>/status 12 task Update the proxy docs</c>: the seed's Task type, an internal to-do born from working #12. It
/// has its own number, is linked to #12 and held by its creator, goes Open → Solved/Closed, has no SLA and no
/// customer thread, is never announced to the customer, and never moves #12.
/// </summary>
public sealed class TaskSubcommand(TicketStore store, IOptions<SlackOptions> slack) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["task"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 task <text>` creates a Task linked to #12, held by you";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Create(request)));

    private string Create(StatusRequest request)
    {
        var parent = request.RequiredTicket;
        var text = request.Rest.Trim();
        if (text.Length == 0)
            return $"Say what the Task is: `{request.Command} {parent.Number} task Update the proxy section of the docs`.";
        if (parent.IsTask)
            return $"#{parent.Number} is itself a Task of #{parent.TaskOf}; create the Task on #{parent.TaskOf} instead.";
        return store.Change(set =>
        {
            var ticket = set.Find(parent.Number)!;
            var task = set.Insert(new Ticket
            {
                Kind = TicketKind.Task,
                TaskOf = ticket.Number,
                Subject = SlackText.Shorten(text, RequestForm.MaxSubject),
                Description = text,
                Status = TicketStatus.Open,
                Priority = ticket.Priority,
                RequesterId = request.UserId,
                AssigneeId = request.UserId,
                ChannelId = ticket.ChannelId,
                CustomerName = ticket.CustomerName,
                Tier = ticket.Tier,
                CeId = ticket.CeId,
                History = [new TicketHistoryEntry { At = set.Now, ActorId = request.UserId, What = $"Created as a Task of #{ticket.Number}" }],
            });
            ticket.TaskNumbers.Add(task.Number);
            ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = request.UserId, What = $"Created Task #{task.Number}: {task.Subject}" });
            set.Update(ticket);
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel)); // the card counts its Tasks
            return $"Created Task *#{task.Number}* for #{ticket.Number}: _{SlackText.Escape(task.Subject)}_. It is yours; " +
                   $"`{request.Command} {task.Number} solved` when it is done. The customer does not see it.";
        });
    }
}
