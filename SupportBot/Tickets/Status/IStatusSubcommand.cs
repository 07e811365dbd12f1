using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Status;

/// <summary>
/// One word of <c>/status</c>: <c>/status 12 note …</c> works on a ticket, <c>/status team</c> stands alone.
/// Each lives in its own small class; <see cref="StatusCommand"/> parses the words and picks the one that matches.
/// </summary>
public interface IStatusSubcommand
{
    /// <summary>The words that choose it, lower case (the first is the one shown in help).</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>True for <c>/status 12 word …</c>, false for <c>/status word …</c>.</summary>
    bool OnTicket { get; }

    /// <summary>Refused to anyone outside the support team (with nothing changed).</summary>
    bool TeamOnly { get; }

    /// <summary>One line of help, e.g. <c>`/status 12 note &lt;text&gt;` adds an internal note</c>.</summary>
    string Usage(string command);

    Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken);
}
