using System.Text.Json;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Threads.Channels;

/// <summary>Someone @-mentions the bot in a customer channel: answer in the thread with the Request support button.</summary>
public sealed class AppMentionHandler(CustomerDirectory customers, OutboxSender outbox) : IEventHandler
{
    public const string Type = "app_mention";

    public string EventType => Type;

    public Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var mention = SlackMessageEvent.Parse(slackEvent);
        if (mention is null || mention.BotId is not null || mention.User is null || !customers.IsCustomerChannel(mention.Channel))
            return Task.CompletedTask;
        outbox.Send(OutboxMessages.Post(mention.Channel, RequestButtonMessage.Build(), mention.ThreadTs ?? mention.Ts));
        return Task.CompletedTask;
    }
}
