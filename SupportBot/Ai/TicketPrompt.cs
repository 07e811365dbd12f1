using System.Text;
using SupportBot.Tickets;
using SupportBot.Tickets.Resolution;

namespace SupportBot.Ai;

/// <summary>
/// Exactly what a model call sends about a ticket (README: "What the model is sent"): the ticket's number, status,
/// priority and subject, the request, the conversation's words (the last <see cref="MaxReplies"/>, each as
/// "Customer" or "Support", never a name or a Slack id), and with <c>Ai:IncludeNotes</c> the internal notes and
/// escalation discussions. A security-path ticket is never sent at all.
/// </summary>
public static class TicketPrompt
{
    public const int MaxReplies = 30;

    /// <summary>The tag that keeps a ticket out before it is solved; solving it on the security path does that for good.</summary>
    public const string SecurityTag = "security";

    /// <summary>Solved on the security path, or tagged <c>security</c>: none of it may leave for a model.</summary>
    public static bool IsSecurity(Ticket ticket) =>
        ticket.Resolution?.Path == ResolutionPath.Security || ticket.Tags.Contains(SecurityTag, StringComparer.Ordinal);

    public static string Conversation(Ticket ticket, bool includeNotes)
    {
        var text = new StringBuilder();
        text.AppendLine($"Ticket #{ticket.Number} · status {ticket.Status.Display()} · priority {ticket.Priority}" +
                        (ticket.Resolution is { } r ? $" · solved: {r.Path.Word()}" : ""));
        text.AppendLine($"Subject: {ticket.Subject}");
        text.AppendLine("Request:").AppendLine(ticket.Description.Trim());
        var replies = ticket.Conversation.Entries.Where(e => e.DeletedAt is null && e.Text.Length > 0).TakeLast(MaxReplies).ToList();
        if (replies.Count > 0)
        {
            text.AppendLine().AppendLine("Conversation, oldest first:");
            foreach (var reply in replies)
                text.AppendLine($"{(reply.FromTeam ? "Support" : "Customer")}: {reply.NewText ?? reply.Text}");
        }
        if (includeNotes)
            AppendNotes(ticket, text);
        return text.ToString().TrimEnd();
    }

    /// <summary>Only what a new ticket's subject is made from: its request.</summary>
    public static string Request(Ticket ticket) => ticket.Description.Trim();

    private static void AppendNotes(Ticket ticket, StringBuilder text)
    {
        var notes = ticket.Notes.Select(n => n.Text)
            .Concat(ticket.Escalations.SelectMany(e => e.Replies.Select(r => r.Text).Prepend($"(asked colleagues) {e.Question}")))
            .Where(n => n.Length > 0).ToList();
        if (notes.Count == 0)
            return;
        text.AppendLine().AppendLine("Internal notes (the team's, never the customer's):");
        foreach (var note in notes)
            text.AppendLine($"- {note}");
    }
}
