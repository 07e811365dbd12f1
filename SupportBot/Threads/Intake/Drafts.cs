using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>Drafts for tickets made from a Slack message.</summary>
public static class Drafts
{
    /// <param name="files">Listed under the text, so a file-only message still says what it shared.</param>
    public static TicketDraft FromMessage(string channelId, string ts, string author, string text, TicketSource source,
        string threadTs, string fallbackSubject, IReadOnlyCollection<MessageFile>? files = null)
    {
        var subject = SlackText.FirstLine(MessageFile.Caption(text, files ?? []));
        var description = Description(text, files ?? []);
        if (description.Length == 0)
            description = TicketLinks.Message(channelId, ts);
        return new TicketDraft(subject.Length == 0 ? fallbackSubject : subject, description, Priority.Normal, author,
            channelId, source, threadTs);
    }

    /// <summary>A ticket's description from its message: the text, then its files (the listing kept whole where it can be).</summary>
    public static string Description(string text, IReadOnlyCollection<MessageFile> files)
    {
        var listing = MessageFile.Listing(files);
        var room = RequestForm.MaxDescription - (listing.Length == 0 ? 0 : listing.Length + 2);
        return SlackText.Cut(MessageFile.WithFiles(SlackText.Cut(text.Trim(), Math.Max(0, room)), files), RequestForm.MaxDescription);
    }
}
