using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Time;

namespace SupportBot.Tickets.CustomerView;

/// <summary>How Slack shows a <see cref="CustomerTicketView"/>: the requester's <c>/ticket N</c> and their request lists.</summary>
public static class CustomerTicketText
{
    /// <summary>
    /// A subject escaped (at most 5 characters for 1) stays inside Slack's 3,000-character section; the link, at most
    /// <see cref="Resolution.IssueLink.MaxLength"/>, gets its own section for the same reason.
    /// </summary>
    private const int MaxSubject = 400;

    /// <summary>The whole view as text (the answer's fallback); every value is the view's, escaped once here.</summary>
    public static string Details(CustomerTicketView v) => string.Join('\n', new[] { Head(v), Link(v), Hint }.OfType<string>());

    public static SlackMessage Message(CustomerTicketView v) => SlackMessage.Ephemeral(Details(v),
        [.. new[] { Head(v), Link(v), Hint }.OfType<string>().Select(text => new SectionBlock(TextObject.Markdown(text)))]);

    private const string Hint = "To add anything, reply in the ticket's conversation.";

    private static string Head(CustomerTicketView v) =>
        $"*#{v.Number} {Subject(v)}*\n" +
        $"Status: *{v.Status}*\n" +
        $"Helping you: {SlackText.Escape(v.HelpedBy)}\n" +
        $"Opened: {Durations.Stamp(v.CreatedAt)} · last update: {Durations.Stamp(v.LastUpdateAt)}";

    private static string? Link(CustomerTicketView v) => v.ResolutionLink is { } link ? $"Follow it at: {SlackText.Escape(link)}" : null;

    private static string Subject(CustomerTicketView v) => SlackText.Escape(SlackText.Shorten(v.Subject, MaxSubject));

    /// <summary>One request in a list: number, subject, status words and who helps.</summary>
    public static string Line(CustomerTicketView v) =>
        $"*#{v.Number}* {Subject(v)} · {v.Status} · {SlackText.Escape(v.HelpedBy)}";
}
