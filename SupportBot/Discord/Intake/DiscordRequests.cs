using Microsoft.Extensions.Options;
using SupportBot.Intake;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Discord.Intake;

/// <summary>
/// A top-level message in a help text channel, or a new post in a help forum, becomes one ticket (source Discord), keyed
/// by the message's id: a replay after a Gateway drop, or the same event twice, finds the key and does nothing. The
/// ticket's thread is the post itself, or one the bot starts on the message when it first speaks
/// (<see cref="Outgoing.DiscordPost"/>); either way its id is the message's, so the thread's replies find the ticket.
/// </summary>
public sealed class DiscordRequests(OnceIntake once, IOptions<DiscordOptions> options, DiscordChannels channels, ILogger<DiscordRequests> logger)
{
    /// <summary>True when the message opens a request (whether or not it was seen before).</summary>
    public bool TryOpen(DiscordMessage message)
    {
        var help = options.Value.HelpChannels;
        if (help.Contains(message.ChannelId, StringComparer.Ordinal))
            return Open(message, message.ChannelId, SlackText.FirstLine(message.Text, FormTickets.MaxSubject), startsThread: true);
        // a forum post's first message has the post's (thread's) id; the forum is the thread's parent
        if (message.Id == message.ChannelId && channels.ParentOf(message.ChannelId) is { } forum && help.Contains(forum, StringComparer.Ordinal))
            return Open(message, forum, SlackText.Shorten(channels.NameOf(message.ChannelId), FormTickets.MaxSubject), startsThread: false);
        return false;
    }

    private bool Open(DiscordMessage message, string channel, string subject, bool startsThread)
    {
        var via = new CustomerConversation
        {
            Kind = ConversationKind.Discord, Address = channel, Reference = message.Id, Name = message.Name, StartsThread = startsThread,
            Subject = subject, Link = message.GuildId is { } guild ? $"https://discord.com/channels/{guild}/{message.Id}" : null,
        };
        var title = subject.Trim().Length > 0 ? subject.Trim() : $"Discord message from {message.Name}";
        var created = once.Create(Key(message.Id), new TicketDraft(title, message.Text, Priority.Normal, Requester(message.AuthorId), "",
            TicketSource.Discord, RequesterName: message.Name, Via: via));
        if (created is not null)
            logger.LogInformation("Discord message {Message} in {Channel} is ticket #{Number}", message.Id, channel, created.Number);
        return true;
    }

    /// <summary>The intake key of a request, which is also the key of its thread (they share the id).</summary>
    public static string Key(string messageOrThreadId) => "discord:" + messageOrThreadId;

    /// <summary>How a Discord user is named as a requester or speaker: their id, marked as Discord's.</summary>
    public static string Requester(string userId) => "discord:" + userId;
}
