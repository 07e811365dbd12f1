namespace SupportBot.Tickets;

/// <summary>The conversation line of <c>/status N</c>.</summary>
public static class ConversationSummary
{
    public static string Line(Conversation c, Func<DateTime, string> stamp)
    {
        if (c.Count == 0)
            return "Conversation: no replies in the thread yet";
        var customer = c.LastCustomerReplyAt is { } lc ? stamp(lc) : "none";
        var team = c.LastTeamReplyAt is { } lt ? stamp(lt) : "none";
        return $"Conversation: {c.Count} repl{(c.Count == 1 ? "y" : "ies")} ({c.CustomerReplies} customer, {c.TeamReplies} engineer)" +
               $" · last customer reply: {customer} · last engineer reply: {team}";
    }
}
