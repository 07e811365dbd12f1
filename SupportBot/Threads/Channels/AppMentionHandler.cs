using System.Text.Json;
using SupportBot.Customers;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Threads.Channels;

/// <summary>
/// Someone @-mentions the bot. Inside a ticket's thread that is a reply of the ticket (recorded once, whichever of
/// the <c>message</c> and <c>app_mention</c> events comes first); elsewhere in a customer channel the bot answers
/// in the thread with the Request support button.
/// </summary>
public sealed class AppMentionHandler(CustomerDirectory customers, OutboxSender outbox, Speakers speakers, ThreadReplies replies)
    : IEventHandler
{
    public const string Type = "app_mention";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var mention = SlackMessageEvent.Parse(slackEvent);
        if (mention is null || mention.BotId is not null || mention.User is null)
            return;
        if (mention.IsThreadReply && await speakers.IsPersonTalkingAsync(mention, cancellationToken) && replies.Record(mention))
            return;
        if (customers.IsCustomerChannel(mention.Channel))
            outbox.Send(OutboxMessages.Post(mention.Channel, RequestButtonMessage.Build(), mention.ThreadTs ?? mention.Ts));
    }
}
