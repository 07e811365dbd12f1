using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Work.Links;

namespace SupportBot.Similarity;

/// <summary>
/// The Merge button under "looks like #12: merge?": the same as <c>/ticket 12 merge 15</c> (<see cref="TicketMerger"/>),
/// so a second press, or a merge already done by hand, only says so.
/// </summary>
public sealed class MergeSuggestionButton(TicketMerger merger, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack)
    : IBlockActionHandler
{
    public const string MergeActionId = "similarity_merge";

    public string ActionId => MergeActionId;

    public static SlackMessage Message(Ticket fresh, Ticket keep, DateTime now)
    {
        // the number, not the subject: #customer-support reads a subject as that ticket's card (the acceptance harness does too)
        var text = $"Looks like *#{keep.Number}*, opened {Age.Ago(now - keep.CreatedAt)}: merge?";
        var button = new ButtonElement(TextObject.Plain($"Merge #{fresh.Number} into #{keep.Number}"))
        {
            ActionId = MergeActionId,
            Value = string.Create(CultureInfo.InvariantCulture, $"{keep.Number}:{fresh.Number}"),
        };
        return new SlackMessage(text)
        {
            Blocks = [new SectionBlock(TextObject.Markdown(text)), new ActionsBlock([button]) { BlockId = $"similar_{fresh.Number}" }],
        };
    }

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, Press(payload.User!.Id, action.Value)));
        return Task.CompletedTask;
    }

    private string Press(string user, string? value)
    {
        if (!team.IsMember(user))
            return "Sorry, only the support team can merge tickets.";
        var parts = (value ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var keep)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var duplicate))
            return $"This button has lost its ticket numbers; use `{slack.Value.Commands.Status} 12 merge 15` instead.";
        return merger.Merge(keep, duplicate, user, slack.Value.Commands.Status);
    }
}
