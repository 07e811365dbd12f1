using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Macros;

/// <summary>
/// <c>/ticket macros</c>: the saved replies in a modal to add, edit and delete; with none yet, the form for the
/// first one straight away.
/// </summary>
public sealed class MacrosSubcommand(MacroStore macros, FormOpener opener) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["macros"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} macros` adds, edits and deletes saved replies";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Slash.TriggerId))
            return Answer("Slack sent no trigger to open the saved replies with; please run the command again.");
        var all = macros.All();
        opener.Open(request.Slash, all.Count == 0 ? MacroForm.Build(null, null) : MacroList.Build(all, request.Command));
        return Answer(all.Count == 0 ? "No saved replies yet: opening the form for the first one." : $"Opening the {all.Count} saved replies.");
    }

    private static Task<SlackMessage> Answer(string text) => Task.FromResult(SlackMessage.Ephemeral(text));
}
