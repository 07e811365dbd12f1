using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Resolution;

/// <summary>The resolution modal submitted: check the path and link, then solve before Slack gets its answer.</summary>
public sealed class ResolutionFormSubmission(TicketResolver resolver, SupportTeam team) : IViewSubmissionHandler
{
    public string CallbackId => ResolutionForm.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var state = payload.View?.State ?? new ViewState();
        var path = ResolutionPaths.Parse(state.Get(ResolutionForm.PathBlock, ResolutionForm.InputAction)?.SelectedOption?.Value);
        var typed = state.Get(ResolutionForm.LinkBlock, ResolutionForm.InputAction)?.Value?.Trim();
        var note = state.Get(ResolutionForm.NoteBlock, ResolutionForm.InputAction)?.Value?.Trim();
        var number = ResolutionForm.ReadNumber(payload.View);
        var user = payload.User!.Id;

        if (!team.IsMember(user))
            return Errors(ResolutionForm.PathBlock, "Only the support team can solve tickets.");
        if (number is null)
            return Errors(ResolutionForm.PathBlock, "This form lost track of its ticket; run the solve command again.");
        if (path is null)
            return Errors(ResolutionForm.PathBlock, "Please pick how the ticket was resolved.");
        if ((note?.Length ?? 0) > ResolutionForm.MaxNote)
            return Errors(ResolutionForm.NoteBlock, $"Please keep the note under {ResolutionForm.MaxNote} characters.");
        var choice = new ResolutionChoice(path.Value, string.IsNullOrEmpty(typed) ? null : IssueLink.Parse(typed),
            string.IsNullOrEmpty(note) ? null : note);
        if (choice.Refusal(typed) is { } refusal)
            return Errors(ResolutionForm.LinkBlock, refusal);
        var (solved, answer) = resolver.Solve(number.Value, choice, user);
        return solved ? Task.FromResult<IReadOnlyDictionary<string, string>?>(null) : Errors(ResolutionForm.PathBlock, answer);
    }

    private static Task<IReadOnlyDictionary<string, string>?> Errors(string block, string text) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { [block] = text });
}
