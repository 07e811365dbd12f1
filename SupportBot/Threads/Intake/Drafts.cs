using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>Drafts for tickets made from a Slack message.</summary>
public static class Drafts
{
    public static TicketDraft FromMessage(string channelId, string ts, string author, string text, TicketSource source,
        string threadTs, string fallbackSubject)
    {
        var subject = SlackText.FirstLine(text);
        var description = SlackText.Cut(text.Trim(), RequestForm.MaxDescription);
        if (description.Length == 0)
            description = TicketLinks.Message(channelId, ts);
        return new TicketDraft(subject.Length == 0 ? fallbackSubject : subject, description, Priority.Normal, author,
            channelId, source, threadTs);
    }
}
