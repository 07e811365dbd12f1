using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

using SupportBot.Time;

namespace SupportBot.Sla;

/// <summary>
/// The SLA messages for #customer-support. Only the at-risk warning says "risk": breach and reminder texts
/// avoid the word so the two kinds can be told apart in the channel (and by the acceptance checks).
/// </summary>
public static class SlaNotice
{
    public static SlackMessage Build(Ticket t, SlaClockKind clock, SlaNoticeKind kind, TimeSpan used, SlaOptions options)
    {
        var e = SlackText.Escape;
        var timer = clock switch
        {
            SlaClockKind.NextReply => t.Sla.NextReply,
            SlaClockKind.Resolution => t.Sla.Resolution,
            _ => FirstResponseClock.View(t),
        };
        var limit = Durations.Short(timer.Target ?? TimeSpan.Zero);
        var target = $"{limit} {Adjective(clock)} target";
        var what = $"#{t.Number} _{e(t.Subject)}_ for {e(t.CustomerName ?? "an unknown customer")}";
        var spent = Durations.Short(used);
        var headline = (clock, kind) switch
        {
            (SlaClockKind.Resolution, SlaNoticeKind.AtRisk) => $":hourglass_flowing_sand: *SLA at risk*: {what} has been open {spent} of its {target} ({t.Priority}).",
            (SlaClockKind.Resolution, SlaNoticeKind.Breach) => $":rotating_light: *SLA breached*: {what} has been open {spent} without a resolution; the {target} has passed ({t.Priority}).",
            (SlaClockKind.Resolution, _) => $":rotating_light: *SLA reminder {timer.NagsSent}/{options.MaxNags}*: {what} is still unresolved after {spent}; the {target} has passed ({t.Priority}).",
            (_, SlaNoticeKind.AtRisk) => $":hourglass_flowing_sand: *SLA at risk*: {what} has waited {spent} of its {target} ({t.Priority}).",
            (_, SlaNoticeKind.Breach) => $":rotating_light: *SLA breached*: {what} has waited {spent} for a {Name(clock)}; the target is {limit} ({t.Priority}).",
            _ => $":rotating_light: *SLA reminder {timer.NagsSent}/{options.MaxNags}*: {what} still has no {Name(clock)} after {spent}; the target is {limit} ({t.Priority}).",
        };
        var text = $"{headline} {Who(t, clock, kind, options)}";
        var blocks = new List<Block> { new SectionBlock(TextObject.Markdown(text)) };
        if (!t.IsAssigned)
            blocks.Add(new ActionsBlock([TriageCard.TakeButton(t.Number)]) { BlockId = $"sla_take_{t.Number}_{clock}" });
        return new SlackMessage(text) { Blocks = blocks };
    }

    public static string Name(SlaClockKind clock) => clock switch
    {
        SlaClockKind.NextReply => "next reply",
        SlaClockKind.Resolution => "resolution",
        _ => "first response",
    };

    /// <summary>"first-response target", as the earlier messages said it.</summary>
    private static string Adjective(SlaClockKind clock) => Name(clock).Replace(' ', '-');

    private static string Who(Ticket t, SlaClockKind clock, SlaNoticeKind kind, SlaOptions options)
    {
        if (t.AssigneeId is { } assignee)
            return $"{SlackText.User(assignee)}, {(clock == SlaClockKind.Resolution ? "please resolve it or tell the customer what comes next" : "please reply to the customer")}.";
        var escalate = kind != SlaNoticeKind.AtRisk && options.EscalateTo.Count > 0
            ? $" {SlaMentions.Mention(options.EscalateTo)}, can someone take it?"
            : "";
        return $"It is unassigned.{escalate}";
    }
}
