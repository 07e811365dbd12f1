using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Threads;

/// <summary>
/// What a reply in a ticket's thread means (the workflow's status table, Zendesk's rules): an engineer's first
/// reply is the first response and opens a New ticket; a customer's reply brings Pending, On-hold and Solved back
/// to Open; a reply to a Closed ticket opens a follow-up. Each reply is recorded once, by its ts.
/// </summary>
public sealed class ThreadReplies(TicketStore store, SupportTeam team, StatusChanger status, FollowUps followUps)
{
    /// <summary>True when the reply's thread belongs to a ticket (whether or not this reply was new).</summary>
    public bool Record(SlackMessageEvent reply) => store.Change(set =>
    {
        var ticket = set.CurrentInThread(reply.Channel, reply.ThreadTs!);
        if (ticket is null)
            return false;
        var fromTeam = team.IsMember(reply.User);
        if (ticket.Status == TicketStatus.Closed)
        {
            // Closed is final; an engineer's late note changes nothing, a customer's reply is a new request (or, on
            // a merged duplicate, joins the ticket it was merged into)
            if (!fromTeam)
                RecordCustomer(set, ticket, Entry(reply, fromTeam: false, set.Now));
            return true;
        }
        if (fromTeam)
        {
            if (!ticket.Conversation.Add(Entry(reply, fromTeam, set.Now)))
                return true; // seen before: the message and app_mention events of one mention both land here
            OnTeamReply(set, ticket, reply.User!);
            set.Update(ticket);
            return true;
        }
        RecordCustomer(set, ticket, Entry(reply, fromTeam: false, set.Now)); // null when seen before: still this ticket's thread
        return true;
    });

    /// <summary>
    /// A customer's reply from wherever they talk (the Slack thread, a mail, an issue comment), by the same rules:
    /// recorded once by its id, Pending/On-hold/Solved back to Open, a reply to Closed opens a follow-up, and a
    /// reply to a duplicate merged into a ticket still being worked on joins that ticket instead.
    /// Returns the ticket it joined (the follow-up for a Closed one), or null when it was recorded before.
    /// </summary>
    public Ticket? RecordCustomer(TicketChangeSet set, Ticket ticket, ConversationEntry reply)
    {
        if (ticket.Status == TicketStatus.Closed && MergedInto(set, ticket) is { } kept)
            return RecordCustomer(set, kept, reply);
        if (ticket.Status == TicketStatus.Closed)
            return ticket.Conversation.Contains(reply.Ts) ? null : followUps.Open(set, ticket, reply);
        if (!ticket.Conversation.Add(reply))
            return null;
        OnCustomerReply(set, ticket, reply.UserId);
        set.Update(ticket);
        return ticket;
    }

    /// <summary>
    /// The open end of a duplicate's merges (a kept ticket may itself be merged later), or null when there is none:
    /// a reply to a duplicate whose kept ticket closed too opens a follow-up where the customer is talking.
    /// </summary>
    private static Ticket? MergedInto(TicketChangeSet set, Ticket duplicate)
    {
        var at = duplicate;
        for (var hops = 0; hops < MaxMergeHops && at.DuplicateOf is { } next && set.Find(next) is { } kept; hops++)
            at = kept;
        return at == duplicate || at.Status == TicketStatus.Closed || at.IsTask ? null : at;
    }

    /// <summary>Merges chain only through tickets merged later; a bound keeps a damaged record from looping.</summary>
    private const int MaxMergeHops = 10;

    public static ConversationEntry Entry(SlackMessageEvent reply, bool fromTeam, DateTime now) =>
        new()
        {
            Ts = reply.Ts, UserId = Speakers.Author(reply), FromTeam = fromTeam, Text = MessageFile.Caption(reply.Text, reply.Files),
            Files = reply.Files, At = now,
        };

    /// <summary>
    /// A team member's reply where the customer talks outside Slack (a Discord thread), by the same rules as one in
    /// a Slack thread: the first response, New to Open. False when it was recorded before or the ticket is Closed.
    /// </summary>
    public bool RecordTeam(TicketChangeSet set, Ticket ticket, ConversationEntry reply)
    {
        if (ticket.Status == TicketStatus.Closed || !ticket.Conversation.Add(reply))
            return false;
        OnTeamReply(set, ticket, reply.UserId);
        set.Update(ticket);
        return true;
    }

    private void OnTeamReply(TicketChangeSet set, Ticket ticket, string author)
    {
        if (ticket.FirstResponseAt is null)
        {
            // stops the first-response SLA clock, whatever the status
            ticket.FirstResponseAt = set.Now;
            ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = author, What = "First response in the thread" });
        }
        if (ticket.Status == TicketStatus.New)
            status.Apply(set, ticket, TicketStatus.Open, author, "replied in the thread", actorIsTeam: true);
    }

    private void OnCustomerReply(TicketChangeSet set, Ticket ticket, string author)
    {
        var from = ticket.Status;
        if (from is not (TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved))
            return;
        status.Apply(set, ticket, TicketStatus.Open, author, "the customer replied in the thread", actorIsTeam: false);
        if (ticket.AssigneeId is { } assignee)
            set.Send(OutboxMessages.DirectMessage(assignee, new SlackMessage(
                $"{Who(ticket, author)} replied on *#{ticket.Number}* _{SlackText.Escape(ticket.Subject)}_, " +
                $"so it went from {from.Display()} back to *Open*{ThreadLink(ticket)}.")));
        // unassigned: the triage card (updated by Apply) shows it Open again with its Take button
    }

    // outside Slack a participant of a mail thread may write too: the requester by name, anyone else by address
    private static string Who(Ticket ticket, string author) =>
        ticket.Talks == ConversationKind.Slack ? SlackText.User(author)
        : $"`{SlackText.Escape(author == ticket.RequesterId ? ticket.RequesterName ?? author : author)}`";

    public static string ThreadLink(Ticket ticket) =>
        TicketLinks.Thread(ticket) is { } link ? $": {SlackText.Link(link, "open the thread")}" : "";
}
