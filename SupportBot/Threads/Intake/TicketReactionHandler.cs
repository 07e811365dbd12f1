using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>
/// Emoji intake: a support engineer reacting with <c>Slack:TicketEmoji</c> (🎫) on a message in a customer or help
/// channel makes that message a ticket, once however many reactions it gets. In #customer-support itself the message
/// is a community post someone brought in (<see cref="CommunityPost"/>).
/// </summary>
public sealed class TicketReactionHandler(SupportTeam team, CustomerDirectory customers, BotIdentity identity,
    OnceIntake intake, MessageFetcher fetcher, OutboxSender outbox, IOptions<SlackOptions> slack) : IEventHandler
{
    public const string Type = "reaction_added";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var s = SlackMessageEvent.Str;
        var reaction = s(slackEvent, "reaction")?.Split("::")[0]; // "ticket::skin-tone-2" is still 🎫
        var item = slackEvent.TryGetProperty("item", out var i) ? i : default;
        if (reaction != slack.Value.TicketEmoji.Trim(':') || s(item, "type") != "message"
            || s(item, "channel") is not { } channel || s(item, "ts") is not { } ts || !team.IsMember(s(slackEvent, "user")))
            return;
        var community = channel == slack.Value.SupportChannel;
        if (!community && !customers.IsCustomerChannel(channel) && !slack.Value.HelpChannels.Contains(channel, StringComparer.Ordinal))
            return;
        var author = s(slackEvent, "item_user");
        var me = await identity.ResolveAsync(cancellationToken);
        if ((me is not null && author == me.UserId) || intake.IsTicket(channel, ts))
            return;

        var read = await fetcher.FetchAsync(channel, ts, cancellationToken);
        var message = read.Message;
        if (message?.ThreadTs is { } parent && parent != ts && intake.TicketFor(channel, parent) is { } existing)
        {
            // a reply in a ticket's thread is that ticket's conversation: the same answer the shortcut gives
            outbox.Send(OutboxMessages.Ephemeral(channel, s(slackEvent, "user")!, SlackMessage.Ephemeral(CreateTicketShortcut.AlreadyTicket(existing))));
            return;
        }
        var requester = message?.User ?? author ?? message?.BotId ?? s(slackEvent, "user")!;
        // a reply's ticket lives in its thread, as with the message shortcut
        var thread = message?.ThreadTs ?? ts;
        // unreadable (Slack down, no history scope): a placeholder subject, and the description links the message
        var link = TicketLinks.Message(channel, ts);
        var draft = Drafts.FromMessage(channel, ts, requester, message?.Text ?? "", TicketSource.EmojiReaction, thread, Placeholder(channel), message?.Files);
        Action<TicketChangeSet, Ticket>? tell = null;
        if (read.Problem is { } problem)
        {
            // the team sees why the ticket has no text where it works: under the triage card
            draft = draft with { Description = $"Could not read the message: {problem}; open it: {link}" };
            tell = (set, ticket) => set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket,
                $":warning: Could not read the message: {SlackText.Escape(problem)}; open it: <{link}|in Slack>"));
        }
        intake.Create(channel, ts, community ? CommunityPost.Draft(draft, message?.Text ?? "", link) : draft, tell);
    }

    private string Placeholder(string channelId) =>
        customers.ForChannel(channelId) is { } customer ? $"Message in {customer.Name}'s channel" : $"Message in #{channelId}";
}
