using System.Text.Json;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Threads.Channels;

/// <summary>The bot is added to a customer channel: it posts the Request support button there, saving the admin a <c>/ticket setup</c>.</summary>
public sealed class BotJoinedChannelHandler(BotIdentity identity, CustomerDirectory customers, OutboxSender outbox) : IEventHandler
{
    public const string Type = "member_joined_channel";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var channel = SlackMessageEvent.Str(slackEvent, "channel");
        if (channel is null || !customers.IsCustomerChannel(channel))
            return;
        var me = await identity.ResolveAsync(cancellationToken);
        if (me is null || SlackMessageEvent.Str(slackEvent, "user") != me.UserId)
            return;
        outbox.Send(OutboxMessages.Post(channel, RequestButtonMessage.Build()));
    }
}
