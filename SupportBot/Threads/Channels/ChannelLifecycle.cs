using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Threads.Channels;

/// <summary>How the bot lost a channel it posts in.</summary>
public enum ChannelLoss
{
    Archived,
    BotRemoved,
    Deleted,
}

/// <summary>
/// A channel the bot posts in was archived, deleted, or the bot was removed from it: the team is told in
/// #customer-support which open tickets live there and what brings the channel back; a channel with no customer and no
/// open ticket is none of the team's business. When the bot can post there again (unarchived, invited back), what it
/// owed there and had set aside goes out (<see cref="OutboxHealing"/>). Losing #customer-support itself can be told to
/// nobody in Slack: it is logged as an error, and /health's outbox check shows the posts set aside meanwhile.
/// </summary>
public sealed class ChannelLifecycle(TicketStore tickets, CustomerDirectory customers, OutboxSender outbox, OutboxHealing healing,
    IOptions<SlackOptions> slack, TimeProvider time, ILogger<ChannelLifecycle> logger)
{
    public const int MaxListed = 15;

    /// <summary>One loss may arrive as two events (a private channel's member_left_channel and group_left): told once.</summary>
    private static readonly TimeSpan TellOnceWithin = TimeSpan.FromMinutes(10);

    private readonly Lock _sync = new();
    private readonly Dictionary<(string Channel, ChannelLoss Loss), DateTimeOffset> _told = [];

    public void Lost(string channel, ChannelLoss loss)
    {
        var support = slack.Value.SupportChannel;
        if (channel == support)
        {
            logger.LogError("The support channel {Channel} is lost to the bot ({Loss}): triage cards and the team's notices cannot be " +
                            "posted until it is fixed ({Fix}); they are kept, and /health shows them set aside", channel, loss, Fix(loss, channel));
            return;
        }
        var open = tickets.OpenWhere(t => t.ChannelId == channel && !t.IsTask).OrderBy(t => t.Number).ToList();
        var customer = customers.ForChannel(channel);
        if ((customer is null && open.Count == 0) || !FirstTelling(channel, loss))
            return;
        logger.LogWarning("Channel {Channel} lost ({Loss}) with {Open} open ticket(s); the team is told in {Support}", channel, loss, open.Count, support);
        outbox.Send(OutboxMessages.Post(support, new SlackMessage(Text(channel, customer?.Name, loss, open))));
    }

    /// <summary>The bot may post in <paramref name="channel"/> again: what was set aside for it goes out; returns how many.</summary>
    public int Restored(string channel)
    {
        lock (_sync)
        {
            foreach (var key in _told.Keys.Where(k => k.Channel == channel).ToList())
                _told.Remove(key);
        }
        var healed = healing.Heal(OutboxCauses.Channel(channel));
        if (healed > 0)
            outbox.Send(OutboxMessages.Post(slack.Value.SupportChannel, new SlackMessage(
                $":white_check_mark: SupportBot can post in {SlackText.Channel(channel)} again: the {healed} message(s) it owed there are going out now.")));
        return healed;
    }

    private string Text(string channel, string? customer, ChannelLoss loss, List<OpenTicket> open)
    {
        var where = SlackText.Channel(channel) + (customer is null ? "" : $" ({SlackText.Escape(customer)})");
        var head = loss switch
        {
            ChannelLoss.Archived => $":warning: {where} was archived.",
            ChannelLoss.BotRemoved => $":warning: SupportBot was removed from {where}.",
            _ => $":warning: {where} was deleted.",
        };
        var list = open.Count == 0
            ? "No open tickets live there."
            : $"Open tickets there ({open.Count}):\n" + string.Join('\n', open.Take(MaxListed).Select(Line))
              + (open.Count > MaxListed ? $"\n…and {open.Count - MaxListed} more" : "");
        return $"{head} {list}\n{Fix(loss, channel)}.";
    }

    private static string Fix(ChannelLoss loss, string channel) => loss switch
    {
        ChannelLoss.Archived => "The bot cannot post there while it is archived: unarchive the channel, and what the bot owes the customer " +
                                "there goes out then (or answer them another way)",
        ChannelLoss.BotRemoved => $"The bot cannot post there until it is back: invite @SupportBot (`/invite @SupportBot` in {SlackText.Channel(channel)}); " +
                                  "what it owes the customer there goes out as soon as it joins",
        _ => "The customer cannot be reached there any more: answer them another way, solve the tickets, and take the channel out of " +
             "the customer's settings",
    };

    /// <summary>"• #12 Login loops (Open)", the number linking to its triage card (or the customer's thread).</summary>
    private string Line(OpenTicket open)
    {
        var ticket = tickets.Find(open.Number);
        var link = ticket?.TriageTs is { } card ? TicketLinks.Message(slack.Value.SupportChannel, card) : ticket is null ? null : TicketLinks.Thread(ticket);
        var number = $"#{open.Number}";
        return $"• {(link is null ? number : $"<{link}|{number}>")} {SlackText.Escape(SlackText.FirstLine(open.Subject, 80))} ({open.Status.Display()})";
    }

    private bool FirstTelling(string channel, ChannelLoss loss)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (_told.TryGetValue((channel, loss), out var at) && now - at < TellOnceWithin)
                return false;
            foreach (var old in _told.Where(t => now - t.Value >= TellOnceWithin).Select(t => t.Key).ToList())
                _told.Remove(old);
            _told[(channel, loss)] = now;
            return true;
        }
    }
}
