using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Work.Escalation;

/// <summary>The question in the collaboration channel: enough context that nobody has to ask "which customer?".</summary>
public static class EscalationPost
{
    public static SlackMessage Build(Ticket t, string askerId, string question)
    {
        var e = SlackText.Escape;
        var headline = $"{SlackText.User(askerId)} asks about *#{t.Number}* _{e(t.Subject)}_";
        var thread = TicketLinks.Thread(t) is { } link ? SlackText.Link(link, "customer thread") : "no customer thread";
        var context = $"Customer: {e(t.CustomerName ?? "unknown")}{(t.Tier is null ? "" : $" ({e(t.Tier)})")}" +
                      $" · CE: {(t.CeId is null ? "none" : SlackText.User(t.CeId))} · Status: {t.Status.Display()}" +
                      $" · Priority: {t.Priority} · {thread}";
        var quoted = "> " + e(question).Replace("\n", "\n> ", StringComparison.Ordinal);
        var text = $"{headline}\n{quoted}\n{context}";
        return new SlackMessage(text)
        {
            Blocks =
            [
                new SectionBlock(TextObject.Markdown($"{headline}\n{quoted}")),
                new ContextBlock([TextObject.Markdown(context)]),
                new ContextBlock([TextObject.Markdown("Reply in this thread: the answers are kept on the ticket for the team.")]),
            ],
        };
    }
}
