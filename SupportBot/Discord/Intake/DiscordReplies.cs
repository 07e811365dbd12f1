using Microsoft.Extensions.Options;
using SupportBot.Intake;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Discord.Intake;

/// <summary>
/// A message in a ticket's Discord thread (or a Discord reply to the ticket's message) joins the ticket by the
/// thread-reply rules: from a member of Discord:SupportTeam it is the team's answer (the first response, New to Open),
/// from anyone else the customer's (Pending, On-hold and Solved back to Open; Closed opens a follow-up). Each message
/// is recorded once, keyed by its id.
/// </summary>
public sealed class DiscordReplies(IStoreGate gate, OnceIntake once, ThreadReplies threads, CustomerReplies customers,
    IOptions<DiscordOptions> options, IOptions<SlackOptions> slack)
{
    public void Record(DiscordMessage message)
    {
        // most messages in a server are not in a ticket's thread: a read answers that without a write
        var thread = new[] { message.ChannelId, message.ReplyTo }.FirstOrDefault(id => id is not null
            && gate.Read(s => s.IntakeKeys.Find(DiscordRequests.Key(id))) is not null);
        if (thread is null)
            return;
        var key = DiscordRequests.Key(thread);
        once.Once($"{key}:{message.Id}", set => OnceIntake.TicketFor(set, key) is { } ticket ? Join(set, key, ticket, message) : null);
    }

    private Ticket? Join(TicketChangeSet set, string key, Ticket ticket, DiscordMessage message)
    {
        var fromTeam = options.Value.SupportTeam.Contains(message.AuthorId, StringComparer.Ordinal);
        var entry = new ConversationEntry
        {
            Ts = "discord:" + message.Id, UserId = DiscordRequests.Requester(message.AuthorId), FromTeam = fromTeam,
            Text = SlackText.Shorten(message.Text, Conversation.MaxText), At = set.Now,
        };
        if (!fromTeam)
            return customers.Record(set, key, ticket, entry, entry.UserId == ticket.RequesterId ? null : SlackText.Escape(message.Name));
        if (!threads.RecordTeam(set, ticket, entry))
            return null;
        set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket,
            TriageThread.Mirror(ticket, message.Text, SlackText.Escape(message.Name))));
        return ticket;
    }
}
