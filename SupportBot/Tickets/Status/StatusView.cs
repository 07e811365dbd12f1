using System.Globalization;
using System.Text;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Users;
using SupportBot.Tickets.CustomerView;
using SupportBot.Tickets.Resolution;

using SupportBot.Time;

namespace SupportBot.Tickets.Status;

/// <summary>How <c>/status</c> shows tickets.</summary>
public sealed class StatusView(TimeProvider time, TicketStore store, SlackUserDirectory names)
{
    private const int NotesShown = 10;
    private const int NoteChars = 500;
    private const int MaxSection = 3000;

    /// <summary>The whole ticket as the team reads it: what notifications and screen readers read, and the answer's fallback.</summary>
    public string Details(Ticket t) =>
        string.Join("\n", new[] { Head(t), NotesText(t), Tail(t) }.Where(p => p.Length > 0));

    /// <summary>
    /// <c>/status 12</c> in Block Kit: the details in sections (each inside Slack's 3,000 characters), a context block
    /// per internal note, and a Take button while the ticket waits in the queue.
    /// </summary>
    /// <param name="forTeam">
    /// False for the requester reading their own ticket: they get the <see cref="CustomerTicketView"/> and nothing of
    /// what is built below, which is the team's (history lines, notes and escalations quote internal words).
    /// </param>
    public SlackMessage Message(Ticket t, bool forTeam = true)
    {
        if (!forTeam)
            return CustomerTicketText.Message(CustomerTicketView.Of(t, names));
        var blocks = new List<Block>(Sections(Head(t)));
        if (t.Notes.Count > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Markdown($"*Internal notes*{OlderNotes(t)}")]));
            blocks.AddRange(t.Notes.TakeLast(NotesShown).Select(n =>
                new ContextBlock([TextObject.Markdown($"{SlackText.User(n.AuthorId)} · {Stamp(n.At)}\n{Cut(n.Text)}")])));
        }
        blocks.AddRange(Sections(Tail(t)));
        if (!t.IsAssigned && !t.IsTask && !t.Status.IsDone())
            blocks.Add(new ActionsBlock([TriageCard.TakeButton(t.Number)]) { BlockId = $"status_take_{t.Number}" });
        return SlackMessage.Ephemeral(Details(t), blocks);
    }

    private string Head(Ticket t)
    {
        var e = SlackText.Escape;
        var text = new StringBuilder();
        text.AppendLine($"*#{t.Number} {Said(t.Subject)}*");
        if (t.FollowUpOf is { } followed)
            text.AppendLine($"Follow-up of #{followed}");
        if (t.IsTask)
            text.AppendLine($"Task of #{t.TaskOf}: an internal to-do, never shown to the customer");
        text.AppendLine($"Status: *{t.Status.Display()}* · next action: {t.Status.NextAction()}");
        text.AppendLine($"Assignee: {(t.AssigneeId is null ? "unassigned" : SlackText.User(t.AssigneeId))}");
        text.AppendLine($"Customer: {e(t.CustomerName ?? "unknown")}{(t.Tier is null ? "" : $" ({e(t.Tier)})")}" +
                        $" · CE: {(t.CeId is null ? "none" : SlackText.User(t.CeId))}");
        text.AppendLine(t.Via is null
            ? $"Requester: {Requester(t)} in {SlackText.Channel(t.ChannelId)}" + (TicketLinks.Thread(t) is { } link ? $" · {SlackText.Link(link, "thread")}" : "")
            : $"Requester: {Requester(t)}");
        text.AppendLine($"Source: {TicketPeople.Source(t.Source)} · {TicketPeople.Where(t)}");
        text.AppendLine($"Priority: {t.Priority}");
        if (t.Tags.Count > 0)
            text.AppendLine($"Tags: {TicketTags.Shown(t)}");
        if (t.DuplicateOf is { } original)
            text.AppendLine($"Closed as a duplicate of #{original}");
        if (t.Duplicates.Count > 0)
            text.AppendLine($"Merged into this one: {Merged(t)}");
        if (t.Related.Count > 0)
            text.AppendLine($"Related: {TicketTags.Numbers(t.Related)}");
        text.AppendLine($"Created: {Stamp(t.CreatedAt)} ({Ago(t.CreatedAt)} ago)");
        if (!t.IsTask && SlaLines.Targets(t) is { Length: > 0 } targets)
            text.AppendLine($"SLA: {SlackText.Escape(targets)}");
        text.AppendLine(t.FirstResponseAt is { } first
            ? $"First response: {Stamp(first)} (after {Durations.Short(first - t.CreatedAt)})"
            : $"First response: not yet{(t.FirstResponseDueAt is { } due ? $" · SLA due {Stamp(due)}" : "")}");
        if (SlaLines.NextReply(t) is { } nextReply)
            text.AppendLine($"Next reply: {nextReply}");
        if (SlaLines.Resolution(t) is { } resolution)
            text.AppendLine($"Resolution target: {resolution}");
        text.AppendLine(ConversationSummary.Line(t.Conversation, Stamp));
        if (ResolutionView.Line(t) is { } solvedHow)
            text.AppendLine(solvedHow);
        if (t.Csat is { } csat)
            text.AppendLine($"CSAT: {csat.Rating.Label()}" + (csat.Comment is null ? "" : $" · “{SlackText.Quote(names.Readable(csat.Comment), 300)}”"));
        if (!string.IsNullOrWhiteSpace(t.Description))
            text.AppendLine($"> {e(SlackText.FirstLine(names.Readable(t.Description), 300))}");
        if (t.PostDeletedAt is not null)
            text.AppendLine($":warning: {TriageCard.PostDeleted}");
        AppendTasks(text, t);
        return text.ToString().TrimEnd();
    }

    private string NotesText(Ticket t)
    {
        if (t.Notes.Count == 0)
            return "";
        var text = new StringBuilder($"Internal notes{OlderNotes(t)}:\n");
        foreach (var note in t.Notes.TakeLast(NotesShown))
            text.AppendLine($"• {Stamp(note.At)} {SlackText.User(note.AuthorId)}: {Cut(note.Text)}");
        return text.ToString().TrimEnd();
    }

    private static string OlderNotes(Ticket t) => t.Notes.Count > NotesShown ? $" (the last {NotesShown} of {t.Notes.Count})" : "";

    private string Tail(Ticket t)
    {
        var text = new StringBuilder();
        AppendEscalations(text, t);
        text.AppendLine("History:");
        foreach (var h in t.History.TakeLast(15))
            text.AppendLine($"• {Stamp(h.At)} {Actor(t, h.ActorId)}: {SlackText.Quote(names.Readable(h.What), 300)}");
        return text.ToString().TrimEnd();
    }

    /// <summary>Section blocks of whole lines, each within Slack's 3,000-character section text.</summary>
    private static IEnumerable<SectionBlock> Sections(string text)
    {
        var chunk = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (chunk.Length > 0 && chunk.Length + line.Length + 1 > MaxSection)
            {
                yield return new SectionBlock(TextObject.Markdown(chunk.ToString()));
                chunk.Clear();
            }
            chunk.Append(chunk.Length == 0 ? "" : "\n").Append(SlackText.Shorten(line, MaxSection));
        }
        if (chunk.Length > 0)
            yield return new SectionBlock(TextObject.Markdown(chunk.ToString()));
    }

    /// <summary>A customer's own open requests, each as its <see cref="CustomerTicketView"/>; nothing about anyone else's or the queue.</summary>
    public string Requests(IReadOnlyList<CustomerTicketView> mine)
    {
        if (mine.Count == 0)
            return "You have no open requests. Use the *Request support* button in your channel to open one.";
        var shown = mine.Take(MaxListed).Select(CustomerTicketText.Line);
        var more = mine.Count > MaxListed ? $"\n…and {mine.Count - MaxListed} more." : "";
        return $"Your open requests ({mine.Count}):\n" + string.Join("\n", shown) + more;
    }

    private const int MaxListed = 30;

    public string Line(OpenTicket t) =>
        $"*#{t.Number}* {(t.IsTask ? $"Task of #{t.TaskOf}: " : "")}{Said(t.Subject)} · {t.Status.Display()} · waiting {Ago(t.CreatedAt)}";

    /// <summary>"#15 from @dana, #16 from …": whose requests joined this one, so the team knows who else is waiting on it.</summary>
    private string Merged(Ticket t) => string.Join(", ", t.Duplicates.Select(n =>
        t.Duplicates.Count > MaxMergedNamed || store.Find(n) is not { } d ? $"#{n}" : $"#{n} from {TicketPeople.RequesterMention(d)}"));

    private const int MaxMergedNamed = 20;

    private void AppendTasks(StringBuilder text, Ticket t)
    {
        if (t.TaskNumbers.Count == 0)
            return;
        var tasks = t.TaskNumbers.Select(n => store.Find(n)).OfType<Ticket>()
            .Select(task => $"#{task.Number} {Said(task.Subject)} ({task.Status.Display()}{(task.AssigneeId is { } a ? $", {SlackText.User(a)}" : "")})");
        text.AppendLine($"Tasks: {string.Join(" · ", tasks)}");
    }

    private void AppendEscalations(StringBuilder text, Ticket t)
    {
        foreach (var e in t.Escalations.TakeLast(3))
        {
            var link = e.Ts is null ? "" : $" · {SlackText.Link(TicketLinks.Message(e.ChannelId, e.Ts), "discussion")}";
            text.AppendLine($"Asked in {SlackText.Channel(e.ChannelId)} {Stamp(e.At)} by {SlackText.User(e.AuthorId)}: {Cut(e.Question)}{link}");
            foreach (var reply in e.Replies.TakeLast(NotesShown))
                text.AppendLine($"    ↳ {SlackText.User(reply.AuthorId)}: {Cut(reply.Text)}");
        }
    }

    private string Cut(string text) => SlackText.Escape(SlackText.Shorten(names.Readable(text), NoteChars));

    /// <summary>User text quoted back: mentions as names (escaped, a mention would show raw), escaped once.</summary>
    private string Said(string? text) => SlackText.Escape(names.Readable(text));

    /// <summary>
    /// The requester by name: /status is read by engineers, and the customer is not the one being pointed at. A
    /// Slack requester without a stored name is named from the cache of <c>users.info</c>.
    /// </summary>
    private string Requester(Ticket t) =>
        $"`{SlackText.Escape(t.Via is null && t.RequesterName is null ? names.Display(t.RequesterId) : TicketPeople.Requester(t))}`";

    // someone outside Slack (a mail participant, a Discord engineer) is named by their address or id, never as a mention
    private string Actor(Ticket t, string? actorId) =>
        actorId is null ? "bot" : actorId == t.RequesterId ? Requester(t)
        : SlackIds.IsUser(actorId) ? SlackText.User(actorId) : $"`{SlackText.Escape(actorId)}`";

    private string Ago(DateTime at) => Durations.Short(time.GetUtcNow().UtcDateTime - at);

    private static string Stamp(DateTime at) => Durations.Stamp(at);
}
