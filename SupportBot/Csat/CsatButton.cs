using System.Globalization;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets.Intake;

namespace SupportBot.Csat;

/// <summary>
/// One rating button (😀 / 😐 / 🙁). The rating counts at the click; the thread's question is replaced by the
/// thank-you, and a modal offers an optional comment.
/// </summary>
public sealed class CsatButton(Tickets.CsatRating rating, CsatRecorder recorder, OutboxSender outbox, FormOpener modals)
    : IBlockActionHandler
{
    public string ActionId => CsatQuestion.ActionId(rating);

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return Task.CompletedTask;
        var (recorded, answer) = recorder.Rate(number, payload.User!.Id, rating);
        if (payload.ResponseUrl is { } url)
        {
            // the requester's click replaces the question for everyone; anyone else hears why privately
            var message = recorded ? new SlackMessage(answer) { ReplaceOriginal = true }
                : SlackMessage.Ephemeral(answer) with { ReplaceOriginal = false };
            outbox.Send(OutboxMessages.ToResponseUrl(url, message));
        }
        if (recorded && payload.TriggerId is not null)
            modals.Open(payload, CsatCommentForm.Build(number, rating));
        return Task.CompletedTask;
    }
}
