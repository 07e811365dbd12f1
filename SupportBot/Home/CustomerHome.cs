using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.CustomerView;

namespace SupportBot.Home;

/// <summary>
/// The Home of someone outside the support team: their own open requests, each only as its
/// <see cref="CustomerTicketView"/> says, and how to ask for help. Nothing of the queue or anyone else's tickets.
/// </summary>
public static class CustomerHome
{
    private const int MaxListed = 30;

    public static JsonObject Build(IReadOnlyList<CustomerTicketView> mine)
    {
        var blocks = new List<Block> { new SectionBlock(TextObject.Markdown("Need help? Ask in your support channel and I'll open a ticket for you.")) };
        if (mine.Count > 0)
        {
            blocks.Add(new HeaderBlock(TextObject.Plain($"Your open requests ({mine.Count})")));
            // one section per request: each stays far inside Slack's 3,000 characters, and 30 inside its 100 blocks
            blocks.AddRange(mine.Take(MaxListed).Select(v => new SectionBlock(TextObject.Markdown(CustomerTicketText.Line(v)))));
        }
        return new JsonObject { ["type"] = "home", ["blocks"] = JsonSerializer.SerializeToNode(blocks, SlackJson.Options) };
    }
}
