using System.Text.Json;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Threads.Channels;

/// <summary>
/// The bot is added to a channel: what it owed there and had set aside (it was not a member) goes out, and in a customer
/// channel it posts the Request support button, saving the admin a <c>/ticket setup</c>.
/// </summary>
public sealed class BotJoinedChannelHandler(BotIdentity identity, CustomerDirectory customers, OutboxSender outbox, ChannelLifecycle lifecycle)
    : IEventHandler
{
    public const string Type = "member_joined_channel";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var channel = SlackMessageEvent.Str(slackEvent, "channel");
        if (string.IsNullOrEmpty(channel))
            return;
        var me = await identity.ResolveAsync(cancellationToken);
        if (me is null || SlackMessageEvent.Str(slackEvent, "user") != me.UserId)
            return;
        lifecycle.Restored(channel);
        if (customers.IsCustomerChannel(channel))
            outbox.Send(OutboxMessages.Post(channel, RequestButtonMessage.Build()));
    }
}
