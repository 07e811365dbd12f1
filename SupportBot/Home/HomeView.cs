using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Home;

/// <summary>
/// An engineer's App Home: a notice (what Take next did), the queue with a Take next button, my open tickets with
/// their next action and SLA due, tickets at risk, and the dashboard link.
/// </summary>
public static class HomeView
{
    public const string TakeNextActionId = "home_take_next";
    public const int MaxListed = 20;

    /// <summary>An SLA clock due within this long (or overdue): shown as at risk.</summary>
    public static readonly TimeSpan AtRiskWithin = TimeSpan.FromMinutes(30);

    public sealed record Content(IReadOnlyList<OpenTicket> Mine, IReadOnlyList<OpenTicket> Queue, IReadOnlyList<OpenTicket> AtRisk,
        string? DashboardUrl, string StatusCommand, DateTime Now, string? Notice = null);

    public static JsonObject Build(Content c)
    {
        var blocks = new List<Block> { new HeaderBlock(TextObject.Plain("Your support desk")) };
        if (c.Notice is { } notice)
            blocks.Add(new SectionBlock(TextObject.Markdown(notice)));
        var waiting = c.Queue.Count;
        blocks.Add(new SectionBlock(TextObject.Markdown($"*Queue:* {waiting} unassigned ticket{(waiting == 1 ? "" : "s")} waiting."))
        {
            Accessory = new ButtonElement(TextObject.Plain("Take next")) { ActionId = TakeNextActionId, Style = "primary", Value = "next" },
        });
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(TextObject.Plain($"My open tickets ({c.Mine.Count})")));
        blocks.Add(new SectionBlock(TextObject.Markdown(c.Mine.Count == 0 ? "_You hold no open tickets._" : Lines(c.Mine, c.Now))));
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(TextObject.Plain($"At risk ({c.AtRisk.Count})")));
        blocks.Add(new SectionBlock(TextObject.Markdown(c.AtRisk.Count == 0 ? "_Nothing close to an SLA deadline._" : Lines(c.AtRisk, c.Now))));
        if (c.DashboardUrl is { } url)
            blocks.Add(new ContextBlock([TextObject.Markdown($"{SlackText.Link(url, "Open the dashboard")} (sign in with `{c.StatusCommand} dashboard`)")]));
        return new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = JsonSerializer.SerializeToNode(blocks, SlackJson.Options),
        };
    }

    private static string Lines(IReadOnlyList<OpenTicket> tickets, DateTime now)
    {
        var lines = tickets.Take(MaxListed).Select(t => Line(t, now)).ToList();
        if (tickets.Count > MaxListed)
            lines.Add($"…and {tickets.Count - MaxListed} more.");
        return string.Join("\n", lines);
    }

    public static string Line(OpenTicket t, DateTime now)
    {
        var line = $"*#{t.Number}* {SlackText.Escape(SlackText.FirstLine(t.Subject, 80))} · {t.Status.Display()} · next: {t.Status.NextAction()}";
        if (t.Tags is { Count: > 0 } tags)
            line += $" · tags: {TicketTags.Shown(tags)}";
        if (t.Status == TicketStatus.New && t.FirstResponseDueAt is { } due)
            line += Due("SLA", due, now);
        if (t.NextReplyDueAt is { } reply)
            line += Due("reply", reply, now);
        if (t.ResolutionDueAt is { } resolution)
            line += Due("resolution", resolution, now);
        return line;
    }

    private static string Due(string what, DateTime due, DateTime now) =>
        due <= now ? $" · {what} *overdue* by {Durations.Short(now - due)}"
            : $" · {what} due {due.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)} (in {Durations.Short(due - now)})";

    /// <summary>The earliest deadline of its running SLA clocks (first response only while New), if any.</summary>
    public static DateTime? NextDue(OpenTicket t) =>
        new[] { t.Status == TicketStatus.New ? t.FirstResponseDueAt : null, t.NextReplyDueAt, t.ResolutionDueAt }.Min();

    public static bool IsAtRisk(OpenTicket t, DateTime now) => NextDue(t) is { } due && due <= now + AtRiskWithin;
}
