using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Intake;

/// <summary>The request modal submitted: validate, then create the ticket before Slack gets its answer.</summary>
public sealed class RequestFormSubmission(TicketIntake intake) : IViewSubmissionHandler
{
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
        if (!Enum.TryParse<Priority>(priorityText ?? nameof(Priority.Normal), ignoreCase: true, out var priority))
            errors[RequestForm.PriorityBlock] = "Please pick Urgent, High, Normal or Low.";
        if (context is null)
            errors[RequestForm.SubjectBlock] = "This form lost track of its channel; please open it again from the channel.";
        if (errors.Count > 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);

        intake.Create(new TicketDraft(subject, description, priority, payload.User!.Id, context!.ChannelId,
            context.Source, context.ThreadTs, RequesterName: payload.User.Name ?? payload.User.Username));
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
    }
}
