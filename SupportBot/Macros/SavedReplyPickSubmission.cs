using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// The picked saved reply sent, committed before Slack gets its answer; the engineer is told how it went where they
/// used the shortcut. A resubmission of the same modal sends nothing more.
/// </summary>
public sealed class SavedReplyPickSubmission(MacroSender sender, SupportTeam team, OutboxSender outbox) : IViewSubmissionHandler
{
    public string CallbackId => SavedReplyPicker.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var user = payload.User?.Id;
        var chosen = SavedReplyPicker.Chosen(payload.View?.State ?? new ViewState());
        if (!team.IsMember(user) || chosen is null || SavedReplyPicker.Context(payload.View) is not var (number, channel))
            return Errors(team.IsMember(user) ? "Pick the saved reply to send." : "Only the support team can send saved replies.");
        var said = sender.Send(number, chosen, user!, $"answer:picked:{payload.View?.Id}");
        outbox.Send(OutboxMessages.Ephemeral(channel, user!, SlackMessage.Ephemeral(said)));
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
    }

    private static Task<IReadOnlyDictionary<string, string>?> Errors(string text) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { [SavedReplyPicker.ReplyBlock] = text });
}
