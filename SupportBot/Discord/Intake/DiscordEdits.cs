using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Take;

namespace SupportBot.Discord.Intake;

/// <summary>
/// Edits and deletions of Discord messages a ticket recorded, as for Slack messages: a reply's new text (the history
/// quotes what it said before), the request's own message (its description), and deletions, after which a reply is
/// shown as deleted by its author. A message's keys say which ticket holds it, so nothing is searched.
/// </summary>
public sealed class DiscordEdits(IStoreGate gate, TicketStore store, IOptions<SlackOptions> slack)
{
    private const int Quoted = 300;

    public void Edited(DiscordMessage edited) => Change(edited.Id, edited.ChannelId, (set, ticket, original) =>
    {
        if (!original)
            return ticket.Conversation.Edit(Ts(edited.Id), SlackText.Shorten(edited.Text, Conversation.MaxText), set.Now) is { } before
                && Record(set, ticket, DiscordRequests.Requester(edited.AuthorId), $"Edited a reply in Discord; it read: “{SlackText.Shorten(before, Quoted)}”");
        if (edited.Text.Trim().Length == 0 || edited.Text == ticket.Description)
            return false;
        var was = ticket.Description;
        ticket.Description = edited.Text;
        return Record(set, ticket, DiscordRequests.Requester(edited.AuthorId), $"Edited the original post in Discord; the description read: “{SlackText.Shorten(was, Quoted)}”");
    });

    public void Deleted(string id, string channelId) => Change(id, channelId, (set, ticket, original) =>
    {
        if (original)
        {
            if (ticket.PostDeletedAt is not null)
                return false;
            ticket.PostDeletedAt = set.Now;
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
            return Record(set, ticket, null, "The original post was deleted in Discord; the ticket stays as it was for the team to decide");
        }
        var author = ticket.Conversation.Entries.Find(e => e.Ts == Ts(id))?.UserId;
        return ticket.Conversation.Delete(Ts(id), set.Now) && Record(set, ticket, author, "Deleted their reply in Discord");
    });

    /// <summary>Runs <paramref name="change"/> on the ticket holding the message: as a reply in its thread, or as the request itself.</summary>
    private void Change(string id, string channelId, Func<TicketChangeSet, Ticket, bool, bool> change)
    {
        var reply = $"{DiscordRequests.Key(channelId)}:{id}";
        var request = DiscordRequests.Key(id);
        var key = new[] { reply, request }.FirstOrDefault(k => gate.Read(s => s.IntakeKeys.Find(k)) is not null);
        if (key is null)
            return;
        store.Change(set => OnceIntake.TicketFor(set, key) is { } ticket && change(set, ticket, key == request));
    }

    private static bool Record(TicketChangeSet set, Ticket ticket, string? actorId, string what)
    {
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = what });
        set.Update(ticket);
        return true;
    }

    private static string Ts(string messageId) => "discord:" + messageId;
}
