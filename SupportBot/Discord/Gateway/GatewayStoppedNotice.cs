using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// Tells #customer-support that the Gateway stopped for good (a refused token, an intent not enabled): from then on
/// no customer's Discord message becomes a ticket, which the team must hear from the bot, not find in a log.
/// </summary>
public sealed class GatewayStoppedNotice(OutboxSender outbox, IOptions<SlackOptions> slack, ILogger<GatewayStoppedNotice> logger)
{
    public void Tell(string why)
    {
        var text = $":warning: Discord intake stopped: {SlackText.Escape(why)}. Until that is fixed and the bot restarted, " +
                   "messages in the Discord help channels do not become tickets; answers already queued wait in the outbox.";
        try
        {
            outbox.Send(OutboxMessages.Post(slack.Value.SupportChannel, new SlackMessage(text)));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not queue the notice that Discord intake stopped");
        }
    }
}
