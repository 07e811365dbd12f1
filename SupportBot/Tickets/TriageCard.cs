using SupportBot.Slack;
using SupportBot.Slack.Blocks;

using SupportBot.Time;

namespace SupportBot.Tickets;

/// <summary>The card in #customer-support that announces a ticket and tracks who holds it.</summary>
public static class TriageCard
{
    public const string TakeActionId = "take_ticket";

    /// <summary>The flag on a ticket whose original post its author deleted: nothing closes by itself.</summary>
    public const string PostDeleted = "The post was deleted by its author. Nothing was closed: the team decides what happens to the ticket.";

    public static SlackMessage Build(Ticket ticket)
    {
        var e = SlackText.Escape;
        var prefix = ticket.FollowUpOf is { } original ? $"Follow-up of #{original} · " : "";
        var title = $"{prefix}#{ticket.Number} {e(ticket.Subject)}";
        var holder = ticket.AssigneeId is { } a ? SlackText.User(a) : "_unassigned_";
        var fields = new List<TextObject>
        {
            TextObject.Markdown($"*Customer*\n{e(ticket.CustomerName ?? "unknown")}{(ticket.Tier is null ? "" : $" ({e(ticket.Tier)})")}"),
            TextObject.Markdown($"*CE*\n{(ticket.CeId is null ? "none" : SlackText.User(ticket.CeId))}"),
            TextObject.Markdown($"*Requester*\n{TicketPeople.RequesterMention(ticket)}"),
            TextObject.Markdown($"*Priority*\n{ticket.Priority}"),
            TextObject.Markdown($"*Status*\n{ticket.Status.Display()}"),
            TextObject.Markdown($"*Assignee*\n{holder}"),
        };
        if (ticket.TaskNumbers.Count > 0)
            fields.Add(TextObject.Markdown($"*Tasks*\n{ticket.TaskNumbers.Count}"));
        // the first-response deadline, worded without "SLA": the channel's SLA messages are the reminders
        if (ticket.FirstResponseAt is { } answered)
            fields.Add(TextObject.Markdown($"*First response*\nafter {Durations.Short(answered - ticket.CreatedAt)}"));
        else if (ticket.FirstResponseDueAt is { } due && !ticket.Status.IsDone())
            fields.Add(TextObject.Markdown($"*First response due*\n{Durations.Stamp(due)}"));
        if (SlaLines.Resolution(ticket) is { } resolution)
            fields.Add(TextObject.Markdown($"*Resolution target*\n{resolution}"));
        var blocks = new List<Block>
        {
            new SectionBlock(TextObject.Markdown($"*{title}*")) { Fields = fields },
            new ContextBlock([TextObject.Markdown($"{TicketPeople.Source(ticket.Source)} in {TicketPeople.Where(ticket)}" +
                (ticket.Tags.Count == 0 ? "" : $" · Tags: {TicketTags.Shown(ticket)}") + Links(ticket))]),
        };
        if (ticket.PostDeletedAt is not null)
            blocks.Add(new ContextBlock([TextObject.Markdown($":warning: {PostDeleted}")]));
        if (!ticket.IsAssigned && !ticket.Status.IsDone())
            blocks.Add(new ActionsBlock([TakeButton(ticket.Number)]) { BlockId = $"take_{ticket.Number}" });
        var text = $"{title} · {e(ticket.CustomerName ?? "unknown customer")} · {ticket.Priority} · {ticket.Status.Display()} · {(ticket.AssigneeId is null ? "unassigned" : "held by " + holder)}" +
                   (ticket.TaskNumbers.Count == 0 ? "" : $" · {ticket.TaskNumbers.Count} Task{(ticket.TaskNumbers.Count == 1 ? "" : "s")}") +
                   (ticket.PostDeletedAt is null ? "" : " · the post was deleted");
        return new SlackMessage(text) { Blocks = blocks };
    }

    /// <summary>The merge and link references on the card's context line.</summary>
    private static string Links(Ticket ticket) =>
        (ticket.DuplicateOf is { } kept ? $" · Duplicate of #{kept}" : "") +
        (ticket.Duplicates.Count == 0 ? "" : $" · Merged: {TicketTags.Numbers(ticket.Duplicates)}") +
        (ticket.Related.Count == 0 ? "" : $" · Related: {TicketTags.Numbers(ticket.Related)}");

    public static ButtonElement TakeButton(int number) =>
        new(TextObject.Plain("Take")) { ActionId = TakeActionId, Value = number.ToString(System.Globalization.CultureInfo.InvariantCulture), Style = "primary" };
}
