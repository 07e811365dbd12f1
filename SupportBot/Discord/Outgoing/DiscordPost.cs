using System.Text.Json;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Discord.Outgoing;

/// <summary>
/// A message the bot owes a ticket's Discord thread (<see cref="ChannelId"/>: the thread's id), made by
/// <see cref="DiscordPostChannel"/>. <see cref="StartThread"/>: the thread still to be started on the customer's
/// message in a help text channel, before the first post.
/// </summary>
public sealed record DiscordPost(string ChannelId, string Content, DiscordThreadStart? StartThread)
{
    public const string Method = "discord.post";

    /// <summary>Discord caps a thread's name at 100 characters.</summary>
    public const int MaxThreadName = 100;

    public static DiscordPost Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<DiscordPost>(message.Args) ?? throw new InvalidOperationException($"outbox #{message.Id} has no Discord post");

    /// <summary>The post saying <paramref name="text"/> (plain) in the ticket's thread; null for a ticket not from Discord.</summary>
    public static OutboxMessage? To(Ticket ticket, string text)
    {
        if (ticket.Via is not { Kind: ConversationKind.Discord, Address: { Length: > 0 } channel, Reference: { Length: > 0 } thread } via)
            return null;
        var start = via.StartsThread
            ? new DiscordThreadStart(channel, thread, SlackText.Shorten($"#{ticket.Number} {ticket.Subject}", MaxThreadName))
            : null;
        return new OutboxMessage
        {
            Lane = Lane(thread),
            Method = Method,
            Args = JsonSerializer.Serialize(new DiscordPost(thread, DiscordMarkdown.Content(text), start)),
        };
    }

    /// <summary>A thread's posts go out in order, each thread on its own.</summary>
    public static string Lane(string threadId) => "discord:" + threadId;
}

/// <summary>Start Thread from Message: <c>POST /channels/{ChannelId}/messages/{MessageId}/threads</c> named <see cref="Name"/>.</summary>
public sealed record DiscordThreadStart(string ChannelId, string MessageId, string Name);
