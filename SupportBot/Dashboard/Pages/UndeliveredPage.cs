using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Time;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>
/// The messages the outbox set aside (refused for good, or given up on): which ticket, where to, what, why in plain
/// words and for how long, with a Retry button per message, per cause and for all.
/// </summary>
public static class UndeliveredPage
{
    public const string Path = OutboxHealthCheck.UndeliveredPage;

    /// <param name="messages">The set-aside messages, oldest first.</param>
    /// <param name="subjects">The subjects of their tickets, by number.</param>
    /// <param name="channelMethods">Methods delivered by a non-Slack channel (mail, GitHub): their errors are shown as given.</param>
    /// <param name="antiforgery">The hidden antiforgery field each form carries.</param>
    /// <param name="retried">How many messages the last Retry put back in line, to confirm it; null when none was pressed.</param>
    public static string Render(IReadOnlyList<OutboxMessage> messages, IReadOnlyDictionary<int, string> subjects,
        IReadOnlySet<string> channelMethods, DateTime now, string antiforgery, int? retried)
    {
        var confirmation = retried switch
        {
            null => "",
            0 => "<p class=\"notice\" role=\"status\">Nothing to retry: it was already delivered or put back in line.</p>",
            var n => $"<p class=\"notice\" role=\"status\">{N(n.Value)} message{(n == 1 ? "" : "s")} put back in line; " +
                     "they go out on the outbox's next round, and are listed here again if they are refused again.</p>",
        };
        if (messages.Count == 0)
            return confirmation + "<p class=\"empty\">Every message the bot owes has been delivered or is on its way.</p>";
        var intro = $"<p>{N(messages.Count)} message{(messages.Count == 1 ? " was" : "s were")} not delivered. " +
                    "Those waiting for a known cause go out by themselves once it clears; Retry sends one now.</p>";
        var rows = messages.Select(m => (IReadOnlyList<string>)
        [
            m.TicketNumber is { } number
                ? TicketLink(number, subjects.GetValueOrDefault(number, ""))
                : "<span class=\"muted\">none</span>",
            Channel(m.Lane),
            m.Purpose is { } purpose ? E(purpose)
                : m.Method == "chat.postMessage" ? "a message <span class=\"muted\">(<code>chat.postMessage</code>)</span>"
                : $"<code>{E(m.Method)}</code>",
            Reason(m, channelMethods),
            $"<span title=\"{E(Stamp(m.SetAsideAt ?? m.CreatedAt))}\">{E(Durations.Short(now - (m.SetAsideAt ?? m.CreatedAt)))}</span>",
            RetryForm($"{Path}/{m.Id}/retry", "Retry", antiforgery, $"Retry message {m.Id}"),
        ]);
        return confirmation + intro + Causes(messages, antiforgery) +
               Table("Set-aside messages, oldest first", ["Ticket", "Channel", "What", "Why", "Age", "Action"], rows);
    }

    /// <summary>One button per cause, and one for everything.</summary>
    private static string Causes(IReadOnlyList<OutboxMessage> messages, string antiforgery)
    {
        var buttons = messages.Where(m => m.Cause is not null).GroupBy(m => m.Cause!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"<li>{N(g.Count())} waiting for {E(CauseInWords(g.Key))} " +
                         RetryForm($"{Path}/retry?cause={Uri.EscapeDataString(g.Key)}", "Retry these", antiforgery,
                             $"Retry these {g.Count()}, waiting for {CauseInWords(g.Key)}") + "</li>");
        var all = $"<li>{N(messages.Count)} in all " + RetryForm($"{Path}/retry", "Retry all", antiforgery, "Retry all set-aside messages") + "</li>";
        return $"<ul class=\"causes\">{string.Concat(buttons)}{all}</ul>";
    }

    private static string RetryForm(string action, string label, string antiforgery, string description) =>
        $"<form method=\"post\" action=\"{E(action)}\" class=\"inline\">{antiforgery}" +
        $"<button type=\"submit\" aria-label=\"{E(description)}\">{E(label)}</button></form>";

    /// <summary>What has to change for a cause's messages to go out (<see cref="OutboxCauses"/>).</summary>
    public static string CauseInWords(string cause) => cause switch
    {
        OutboxCauses.SlackAuth => "Slack to accept the bot token",
        OutboxCauses.MailServer => "the mail server to accept mail",
        _ when OutboxCauses.ChannelOf(cause) is { } channel => $"the bot to be able to post in #{channel}",
        _ => cause,
    };

    /// <summary>A Slack channel as its id; the private lanes by what they are (a response URL is a credential: never shown).</summary>
    private static string Channel(string lane)
    {
        var (kind, rest) = lane.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (lane[..colon], lane[(colon + 1)..]) : ("", lane);
        return kind switch
        {
            "" => $"<code>{E(lane)}</code>",
            "response" => "<span class=\"muted\">the answer to a command or button</span>",
            "view" => "<span class=\"muted\">a form (modal)</span>",
            "home" => $"App Home of <code>{E(rest)}</code>",
            _ => E(lane),
        };
    }

    /// <summary>Slack's refusal in plain words with what fixes it; a mail or GitHub error as the server gave it.</summary>
    private static string Reason(OutboxMessage m, IReadOnlySet<string> channelMethods)
    {
        var error = m.LastError ?? "no reason recorded";
        var slackChannel = m.Lane.Contains(':', StringComparison.Ordinal) ? null : m.Lane;
        if (channelMethods.Contains(m.Method))
            return E(error);
        // Explain writes for Slack: <#C1> reads as #C1, `code` as code
        var parts = SlackMarkup.Readable(OutboxCauses.Explain(error, slackChannel)).Split('`');
        return string.Concat(parts.Select((part, i) => i % 2 == 1 && i < parts.Length - 1 ? $"<code>{E(part)}</code>" : E(part)));
    }
}
