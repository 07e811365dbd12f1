using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Interactions;

/// <summary>A modal's submission, found by the view's <c>callback_id</c>.</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <summary>Null closes the modal; otherwise the errors are shown next to the named blocks.</summary>
    Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken);
}
