using SupportBot.Dashboard.Actions;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;
using A = SupportBot.Dashboard.Actions.TicketActionCommand;

namespace SupportBot.Dashboard.Pages;

/// <summary>
/// The ticket page's forms: take, assign, status, priority, internal note. Plain POSTs (the page runs no script),
/// each carrying the antiforgery field; <see cref="TicketActionEndpoints"/> runs them as the slash commands.
/// </summary>
public static class TicketActionForms
{
    /// <param name="me">The signed-in engineer.</param>
    /// <param name="team">Who can be handed the ticket, as <c>/take 12 @person</c> allows.</param>
    /// <param name="antiforgery">The hidden antiforgery field each form carries.</param>
    /// <param name="answer">The last form's answer from Slack's handler (mrkdwn), shown once; null when none.</param>
    public static string Render(Ticket t, string me, IReadOnlyList<string> team, SlackUserDirectory names, string antiforgery, string? answer)
    {
        var take = t.AssigneeId == me ? "" : t.AssigneeId is { } holder
            ? Form(t, A.Take, antiforgery, "<input type=\"hidden\" name=\"force\" value=\"yes\">", $"Take over from {names.Display(holder)}")
            : Form(t, A.Take, antiforgery, "", "Take");
        var engineers = team.Where(u => u != t.AssigneeId)
            .Select(u => (Value: u, Label: names.Display(u))).OrderBy(e => e.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        var assign = engineers.Count == 0 ? "" : Form(t, A.Assign, antiforgery,
            Select(t, "engineer", "Engineer", engineers, selected: null) + Remark(t, A.Assign, "Note for them"), "Assign");
        var status = Form(t, A.Status, antiforgery,
            Select(t, A.Status, "Status", A.StatusWords.Where(w => w != "solved" || t.IsTask).Select(w => (w, StatusLabel(w))), selected: null) +
            Remark(t, A.Status, "Note (optional)"), "Change status");
        var priority = Form(t, A.Priority, antiforgery,
            Select(t, A.Priority, "Priority", Enum.GetValues<Priority>().Select(p => (p.ToString().ToLowerInvariant(), p.ToString())),
                selected: t.Priority.ToString().ToLowerInvariant()), "Change priority");
        var note = Form(t, A.Note, antiforgery,
            $"<label for=\"{Id(t, "note-text")}\">Internal note (never shown to the customer)</label>" +
            $"<textarea id=\"{Id(t, "note-text")}\" name=\"{A.Note}\" rows=\"3\" maxlength=\"{N(A.MaxTyped)}\" required></textarea>", "Add note");
        var shown = answer is null ? "" : $"<p class=\"notice answer\" role=\"status\">{SlackAnswer.Html(answer, names)}</p>";
        return shown + $"<section class=\"actions\" aria-label=\"Act on #{N(t.Number)}\"><h2>Act</h2>{take}{assign}{status}{priority}{note}</section>";
    }

    private static string StatusLabel(string word) => word switch
    {
        "solved" => "Solved (Task)",
        _ when word.StartsWith("solved ", StringComparison.Ordinal) => $"Solved: {word["solved ".Length..].Replace('-', ' ')}",
        _ => TicketStatusNames.Parse(word)?.Display() ?? word,
    };

    private static string Form(Ticket t, string action, string antiforgery, string fields, string button) =>
        $"<form method=\"post\" action=\"/tickets/{N(t.Number)}/{action}\" class=\"act\">{antiforgery}{fields}" +
        $"<button type=\"submit\">{E(button)}</button></form>";

    private static string Select(Ticket t, string name, string label, IEnumerable<(string Value, string Label)> options, string? selected) =>
        $"<label for=\"{Id(t, name)}\">{E(label)}</label><select id=\"{Id(t, name)}\" name=\"{name}\">" +
        string.Concat(options.Select(o => $"<option value=\"{Value(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Label)}</option>")) +
        "</select>";

    private static string Remark(Ticket t, string action, string label) =>
        $"<label for=\"{Id(t, action + "-note")}\">{E(label)}</label>" +
        $"<input id=\"{Id(t, action + "-note")}\" name=\"{A.Note}\" maxlength=\"{N(A.MaxTyped)}\">";

    private static string Id(Ticket t, string name) => $"t{N(t.Number)}-{name}";
}
