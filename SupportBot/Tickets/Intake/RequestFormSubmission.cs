using System.Text.Json;
using SupportBot.Slack;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Storage;

namespace SupportBot.Tickets.Intake;

/// <summary>
/// The request modal submitted: validate, then create the ticket before Slack gets its answer. The same submission
/// arriving twice (a double click, a proxy's retry) makes one ticket.
/// </summary>
public sealed class RequestFormSubmission(TicketIntake intake, OnceIntake once, DeadLetterStore deadLetters) : IViewSubmissionHandler
{
    public const string NotSaved = "We couldn't save your request; please try again.";

    public string CallbackId => RequestForm.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var state = payload.View?.State ?? new ViewState();
        var subject = state.Get(RequestForm.SubjectBlock, RequestForm.InputAction)?.Value?.Trim() ?? "";
        var description = state.Get(RequestForm.DescriptionBlock, RequestForm.InputAction)?.Value?.Trim() ?? "";
        var priorityText = state.Get(RequestForm.PriorityBlock, RequestForm.InputAction)?.SelectedOption?.Value;
        var context = RequestForm.ReadContext(payload.View);

        var errors = new Dictionary<string, string>();
        if (subject.Length == 0)
            errors[RequestForm.SubjectBlock] = "Please give the request a short subject.";
        else if (subject.Length > RequestForm.MaxSubject)
            errors[RequestForm.SubjectBlock] = $"Please keep the subject under {RequestForm.MaxSubject} characters.";
        if (description.Length > RequestForm.MaxDescription)
            errors[RequestForm.DescriptionBlock] = $"Please keep the description under {RequestForm.MaxDescription} characters.";
        // by name only: Enum.TryParse also takes any number ("99"), which is no priority at all
        if (!Enum.TryParse<Priority>(priorityText ?? nameof(Priority.Normal), ignoreCase: true, out var priority)
            || !Enum.GetNames<Priority>().Contains(priorityText ?? nameof(Priority.Normal), StringComparer.OrdinalIgnoreCase))
            errors[RequestForm.PriorityBlock] = "Please pick Urgent, High, Normal or Low.";
        if (context is null)
            errors[RequestForm.SubjectBlock] = "This form lost track of its channel; please open it again from the channel.";
        if (errors.Count > 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);

        var draft = new TicketDraft(subject, description, priority, payload.User!.Id, context!.ChannelId,
            context.Source, context.ThreadTs, RequesterName: payload.User.Name ?? payload.User.Username);
        try
        {
            if (SubmissionKey(payload.View) is { } key)
            {
                // null for a repeat: the first one's ticket stands, and Slack gets the same answer
                if (once.CreateFromForm(key, draft) is { Existing: { } existing })
                {
                    errors[RequestForm.SubjectBlock] = CreateTicketShortcut.AlreadyTicket(existing);
                    return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);
                }
            }
            else
            {
                intake.Create(draft);
            }
        }
        catch (StoreWriteFailedException e)
        {
            // the modal stays open with the customer's text, instead of closing on a request that was never kept
            deadLetters.KeepRefused(e, payload.View?.Id ?? "", payload.Type, JsonSerializer.Serialize(payload, SlackJson.Options));
            errors[RequestForm.SubjectBlock] = NotSaved;
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
    }

    /// <summary>
    /// The view's id and hash name one submission: a modal reopened is a new view, and an updated one a new hash.
    /// None for a view without an id, or with ids too long to have come from Slack (a LiteDB key stops at 1,023 bytes).
    /// </summary>
    public static string? SubmissionKey(PayloadView? view) =>
        view is { Id.Length: > 0 and <= RequestForm.MaxIdLength, Hash: null or { Length: <= RequestForm.MaxIdLength } }
            ? $"view:{view.Id}:{view.Hash}"
            : null;
}
