using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Csat;

/// <summary>The rating question posted in a solved ticket's thread, and how a rating reads.</summary>
public static class CsatQuestion
{
    public const string BlockId = "csat";

    public static string ActionId(CsatRating rating) => "csat_" + rating.ToString().ToLowerInvariant();

    public static SlackMessage Build(Ticket ticket)
    {
        var number = ticket.Number.ToString(CultureInfo.InvariantCulture);
        var text = $"How did we do on #{number}? One click tells us; you can add a comment after.";
        var buttons = Enum.GetValues<CsatRating>()
            .Select(r => (BlockElement)new ButtonElement(TextObject.Plain(Label(r))) { ActionId = ActionId(r), Value = number })
            .ToList();
        return new SlackMessage(text)
        {
            Blocks = [new SectionBlock(TextObject.Markdown(text)), new ActionsBlock(buttons) { BlockId = BlockId }],
        };
    }

    public static string Label(CsatRating rating) => rating.Label();
}
