using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Sla;

/// <summary>
/// The SLA messages for #customer-support. Only the at-risk warning says "risk": breach and reminder texts
/// avoid the word so the two kinds can be told apart in the channel (and by the acceptance checks).
/// </summary>
public static class FirstResponseNotice
{
    public static SlackMessage Build(Ticket t, FirstResponseNoticeKind kind, TimeSpan waited, SlaOptions options)
    {
        var e = SlackText.Escape;
        var target = Durations.Short(t.Sla.Target ?? TimeSpan.Zero);
        var what = $"#{t.Number} _{e(t.Subject)}_ for {e(t.CustomerName ?? "an unknown customer")}";
        var headline = kind switch
        {
            FirstResponseNoticeKind.AtRisk =>
                $":hourglass_flowing_sand: *SLA at risk*: {what} has waited {Durations.Short(waited)} of its {target} first-response target ({t.Priority}).",
            FirstResponseNoticeKind.Breach =>
                $":rotating_light: *SLA breached*: {what} has waited {Durations.Short(waited)} for a first response; the target is {target} ({t.Priority}).",
            _ =>
                $":rotating_light: *SLA reminder {t.Sla.NagsSent}/{options.MaxNags}*: {what} still has no first response after {Durations.Short(waited)}; the target is {target} ({t.Priority}).",
        };
        var text = $"{headline} {Who(t, kind, options)}";
        var blocks = new List<Block> { new SectionBlock(TextObject.Markdown(text)) };
        if (!t.IsAssigned)
            blocks.Add(new ActionsBlock([TriageCard.TakeButton(t.Number)]) { BlockId = $"sla_take_{t.Number}" });
        return new SlackMessage(text) { Blocks = blocks };
    }

    private static string Who(Ticket t, FirstResponseNoticeKind kind, SlaOptions options)
    {
        if (t.AssigneeId is { } assignee)
            return $"{SlackText.User(assignee)}, please reply to the customer.";
        var escalate = kind != FirstResponseNoticeKind.AtRisk && options.EscalateTo.Count > 0
            ? $" {SlaMentions.Mention(options.EscalateTo)}, can someone take it?"
            : "";
        return $"It is unassigned.{escalate}";
    }
}
