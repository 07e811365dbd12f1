using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Threads.Intake;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Take;

namespace SupportBot.Threads;

/// <summary>
/// Edits and deletions of messages a ticket recorded: a reply's text (the history keeps what it said before, and
/// who changed it), a ticket's original post (its description; its subject too while nobody has answered), and
/// deletions, after which a reply is shown as deleted by its author and never as their words.
/// </summary>
public sealed class MessageChanges(TicketStore store, IOptions<SlackOptions> slack)
{
    private const int Quoted = 300;

    /// <param name="editor">Who edited (Slack's "edited" stamp); null for Slack's own changes, which never rewrite a ticket's description.</param>
    public bool Edit(SlackMessageEvent edited, string? editor) => store.Change(set =>
    {
        if (Replied(set, edited.Channel, edited.ThreadTs ?? edited.Ts, edited.Ts) is { } ticket)
        {
            var before = ticket.Conversation.Edit(edited.Ts, MessageFile.Caption(edited.Text, edited.Files), set.Now, edited.Files);
            if (before is null)
                return false;
            Record(set, ticket, editor ?? Speakers.Author(edited), $"Edited a reply; it read: “{SlackText.Shorten(before, Quoted)}”", edited.Ts);
            return true;
        }
        return editor is not null && Original(set, edited.Channel, edited.Ts) is { } original && EditOriginal(set, original, edited, editor);
    });

    /// <summary>
    /// A deleted message (or a thread parent left as a tombstone). <paramref name="threadTs"/>: its thread, itself
    /// for a top-level message, null when Slack did not say (then the open tickets of the channel are searched).
    /// </summary>
    public bool Delete(string channel, string ts, string? threadTs) => store.Change(set =>
    {
        if (Replied(set, channel, threadTs, ts) is { } ticket)
        {
            var author = ticket.Conversation.Entries.Find(e => e.Ts == ts)!.UserId;
            if (!ticket.Conversation.Delete(ts, set.Now))
                return false;
            // earlier versions quoted in the history are the author's words too
            foreach (var line in ticket.History.Where(h => h.MessageTs == ts))
                line.What = "Edited a reply (since deleted by its author)";
            Record(set, ticket, author, "Deleted their reply", ts);
            return true;
        }
        if (Original(set, channel, ts) is not { PostDeletedAt: null } original)
            return false;
        original.PostDeletedAt = set.Now;
        // the SLA clock keeps running and nothing closes: the team reads the flag and decides
        Record(set, original, original.RequesterId, "The original post was deleted by its author; the ticket stays as it was for the team to decide", ts);
        set.Send(TicketTaker.TriageUpdate(original, slack.Value.SupportChannel));
        return true;
    });

    private bool EditOriginal(TicketChangeSet set, Ticket ticket, SlackMessageEvent edited, string editor)
    {
        var description = Drafts.Description(edited.Text, edited.Files);
        if (description.Length == 0 || description == ticket.Description)
            return false;
        var before = ticket.Description;
        ticket.Description = description;
        var subject = SlackText.FirstLine(MessageFile.Caption(edited.Text, edited.Files));
        // once someone answered, the subject is what the team and the customer have been calling it
        var retitle = ticket is { Status: TicketStatus.New, FirstResponseAt: null, Conversation.TeamReplies: 0 } && subject.Length > 0 && subject != ticket.Subject;
        if (retitle)
            ticket.Subject = subject;
        Record(set, ticket, editor, $"Edited the original post{(retitle ? " and so the subject" : "")}; the description read: “{SlackText.Shorten(before, Quoted)}”", edited.Ts);
        if (retitle)
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
        return true;
    }

    private static void Record(TicketChangeSet set, Ticket ticket, string actor, string what, string ts)
    {
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actor, What = what, MessageTs = ts });
        set.Update(ticket);
    }

    // the reply may belong to a closed original or to its follow-up: whichever recorded it
    private static Ticket? Replied(TicketChangeSet set, string channel, string? threadTs, string ts) =>
        threadTs is not null && threadTs != ts
            ? set.InThread(channel, threadTs).Find(t => t.Conversation.Contains(ts))
            : threadTs is null ? set.Session.Tickets.Open().Find(t => t.ChannelId == channel && t.Conversation.Contains(ts)) : null;

    /// <summary>The ticket made from this message: keyed when it was ticketed, else the shortcut ticket whose thread it starts.</summary>
    private static Ticket? Original(TicketChangeSet set, string channel, string ts) =>
        (OnceIntake.TicketFor(set, channel, ts) is { Source: not TicketSource.Community } keyed ? keyed : null)
        ?? set.InThread(channel, ts).Find(t => t is { FollowUpOf: null, Source: TicketSource.MessageShortcut } && t.ThreadTs == ts);
}
