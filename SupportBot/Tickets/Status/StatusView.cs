using System.Globalization;
using System.Text;
using SupportBot.Slack;
using SupportBot.Threads;

namespace SupportBot.Tickets.Status;

/// <summary>How <c>/status</c> shows tickets.</summary>
public sealed class StatusView(TimeProvider time)
{
    public string Details(Ticket t)
    {
        var e = SlackText.Escape;
        var text = new StringBuilder();
        text.AppendLine($"*#{t.Number} {e(t.Subject)}*");
        if (t.FollowUpOf is { } original)
            text.AppendLine($"Follow-up of #{original}");
        text.AppendLine($"Status: *{t.Status.Display()}* · next action: {t.Status.NextAction()}");
        text.AppendLine($"Assignee: {(t.AssigneeId is null ? "unassigned" : SlackText.User(t.AssigneeId))}");
        text.AppendLine($"Customer: {e(t.CustomerName ?? "unknown")}{(t.Tier is null ? "" : $" ({e(t.Tier)})")}" +
                        $" · CE: {(t.CeId is null ? "none" : SlackText.User(t.CeId))}");
        text.AppendLine($"Requester: {Requester(t)} in {SlackText.Channel(t.ChannelId)}" +
                        (TicketLinks.Thread(t) is { } link ? $" · {SlackText.Link(link, "thread")}" : ""));
        text.AppendLine($"Priority: {t.Priority}");
        text.AppendLine($"Created: {Stamp(t.CreatedAt)} ({Ago(t.CreatedAt)} ago)");
        text.AppendLine(t.FirstResponseAt is { } first
            ? $"First response: {Stamp(first)} (after {Durations.Short(first - t.CreatedAt)})"
            : $"First response: not yet{(t.FirstResponseDueAt is { } due ? $" · SLA due {Stamp(due)}" : "")}");
        text.AppendLine(ConversationSummary.Line(t.Conversation, Stamp));
        if (!string.IsNullOrWhiteSpace(t.Description))
            text.AppendLine($"> {e(SlackText.FirstLine(t.Description, 300))}");
        text.AppendLine("History:");
        foreach (var h in t.History.TakeLast(15))
            text.AppendLine($"• {Stamp(h.At)} {Actor(t, h.ActorId)}: {SlackText.Quote(h.What, 300)}");
        return text.ToString().TrimEnd();
    }

    /// <summary>A customer's own open requests; nothing about anyone else's or the queue.</summary>
    public string Requests(IReadOnlyList<OpenTicket> mine)
    {
        if (mine.Count == 0)
            return "You have no open requests. Use the *Request support* button in your channel to open one.";
        var shown = mine.Take(MaxListed).Select(t => $"*#{t.Number}* {SlackText.Escape(t.Subject)} · {t.Status.Display()} · opened {Ago(t.CreatedAt)} ago");
        var more = mine.Count > MaxListed ? $"\n…and {mine.Count - MaxListed} more." : "";
        return $"Your open requests ({mine.Count}):\n" + string.Join("\n", shown) + more;
    }

    private const int MaxListed = 30;

    public string Line(OpenTicket t) =>
        $"*#{t.Number}* {SlackText.Escape(t.Subject)} · {t.Status.Display()} · waiting {Ago(t.CreatedAt)}";

    /// <summary>The requester by name: /status is read by engineers, and the customer is not the one being pointed at.</summary>
    private static string Requester(Ticket t) => $"`{SlackText.Escape(t.RequesterName ?? t.RequesterId)}`";

    private static string Actor(Ticket t, string? actorId) =>
        actorId is null ? "bot" : actorId == t.RequesterId ? Requester(t) : SlackText.User(actorId);

    private string Ago(DateTime at) => Durations.Short(time.GetUtcNow().UtcDateTime - at);

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

public static class Durations
{
    /// <summary>"3d 4h", "2h 5m", "45s": how people say waiting times.</summary>
    public static string Short(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span.TotalDays >= 1)
            return $"{(int)span.TotalDays}d {span.Hours}h";
        if (span.TotalHours >= 1)
            return $"{(int)span.TotalHours}h {span.Minutes}m";
        if (span.TotalMinutes >= 1)
            return $"{(int)span.TotalMinutes}m";
        return $"{(int)span.TotalSeconds}s";
    }
}
