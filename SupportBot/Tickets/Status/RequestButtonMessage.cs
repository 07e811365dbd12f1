using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tickets.Status;

/// <summary>The message in a customer channel that lets anyone there open a support request.</summary>
public static class RequestButtonMessage
{
    public const string BlockId = "request_support";

    public static SlackMessage Build() => new("Need help from support? Open a request and we'll follow up in its thread.")
    {
        Blocks =
        [
            new SectionBlock(TextObject.Markdown("*Need help from support?* Open a request and we'll follow up in its thread.")),
            new ActionsBlock([new ButtonElement(TextObject.Plain("Request support")) { ActionId = OpenRequestFormButton.Id, Style = "primary" }])
            {
                BlockId = BlockId,
            },
        ],
    };
}
