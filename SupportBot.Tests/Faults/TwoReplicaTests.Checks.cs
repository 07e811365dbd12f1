using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Faults;

/// <summary>What the two-replica run must have left behind, each check listing every ticket that breaks it.</summary>
public sealed partial class TwoReplicaTests
{
    /// <summary>Nothing owed in the outbox, every ticket past its last reminder, every card, confirmation and reply in Slack.</summary>
    private static async Task<bool> SettledAsync(SharedDatabase database, LoopbackSlack slack, ICollection<string> subjects, int timeoutMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            var tickets = database.Tickets();
            if (database.Outbox() == (0, 0) && tickets.Count >= subjects.Count && tickets.All(t => t.Sla.NagsSent >= MaxNags)
                && Undelivered(slack, subjects).Count == 0 && tickets.Where(t => t.AssigneeId is not null).All(t => Replies(slack, t) > 0))
                return true;
            await Task.Delay(250);
        }
        return false;
    }

    private static void AssertTicketsExistOnceWithContiguousNumbers(List<Ticket> tickets, ICollection<string> acked, long counter)
    {
        Assert.Equal(Submissions, acked.Count); // each one was acknowledged, by its replica or by the survivor
        Assert.DoesNotContain(acked, s => tickets.Count(t => t.Subject == s) != 1);
        // a submission committed by the killed replica and sent again to the survivor is the same ticket, not a second one
        Assert.Equal(Submissions, tickets.Count);
        Assert.Equal(Enumerable.Range(1, tickets.Count), tickets.Select(t => t.Number));
        Assert.Equal(tickets.Count, counter);
    }

    private static void AssertOneHolderAndOneReplyPerTakenTicket(List<Ticket> tickets, IEnumerable<(int Ticket, string Engineer, string Text)> answers,
        LoopbackSlack slack)
    {
        var byTicket = answers.ToLookup(a => a.Ticket);
        var wrong = new List<string>();
        foreach (var (number, engineers) in Takes)
        {
            var ticket = tickets[number - 1];
            var holder = ticket.AssigneeId;
            if (holder is null || !engineers.Contains(holder))
                wrong.Add($"#{number} is held by {holder ?? "nobody"}");
            if (ticket.History.Count(h => h.What.StartsWith("Took the ticket", StringComparison.Ordinal)) is var took and not 1)
                wrong.Add($"#{number} was taken {took} times");
            var won = byTicket[number].Where(a => a.Text.StartsWith("You took", StringComparison.Ordinal)).ToList();
            if (won.Count > 1 || won.Any(a => a.Engineer != holder))
                wrong.Add($"#{number} told {string.Join(", ", won.Select(a => a.Engineer))} they took it; held by {holder}");
            if (byTicket[number].Any(a => !a.Text.StartsWith("You took", StringComparison.Ordinal)
                                          && !a.Text.Contains($"held by <@{holder}>", StringComparison.Ordinal)
                                          && !a.Text.Contains("already yours", StringComparison.Ordinal)))
                wrong.Add($"#{number} answered: {string.Join(" | ", byTicket[number].Select(a => a.Text.Split('\n')[0]))}");
        }
        foreach (var ticket in tickets)
        {
            var expected = ticket.AssigneeId is null ? 0 : 1;
            if (Replies(slack, ticket) is var replies && replies != expected)
                wrong.Add($"#{ticket.Number} has {replies} accountability replies in its thread");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} tickets:\n{string.Join("\n", wrong)}");
    }

    /// <summary>Per ticket: the at-risk warning once if the ticket records it, the breach once, each capped reminder once.</summary>
    private static void AssertEachSlaNoticeSentOnce(List<Ticket> tickets, LoopbackSlack slack)
    {
        var sent = slack.Posts(TestSettings.SupportChannel).Select(c => SlaNotice().Match(c.Text)).Where(m => m.Success)
            .ToLookup(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[1].Value);
        var wrong = new List<string>();
        foreach (var ticket in tickets)
        {
            List<string> owed = [.. ticket.Sla.AtRiskSentAt is null ? Array.Empty<string>() : ["at risk"], "breached",
                .. Enumerable.Range(1, MaxNags).Select(k => $"reminder {k}/{MaxNags}")];
            var got = sent[ticket.Number].Order(StringComparer.Ordinal).ToList();
            if (!got.SequenceEqual(owed.Order(StringComparer.Ordinal)))
                wrong.Add($"#{ticket.Number}: sent [{string.Join(", ", got)}], owed [{string.Join(", ", owed)}]");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} tickets:\n{string.Join("\n", wrong)}");
    }

    /// <summary>Accountability replies ("… will help you …") posted in the ticket's customer thread.</summary>
    private static int Replies(LoopbackSlack slack, Ticket ticket) =>
        ticket.ThreadTs is null ? 0 : slack.Posts(ticket.ChannelId).Count(c => c.ThreadTs == ticket.ThreadTs && c.Text.Contains("will help you", StringComparison.Ordinal));

    /// <summary>Subjects whose triage card or customer confirmation Slack has not received.</summary>
    internal static List<string> Undelivered(LoopbackSlack slack, IEnumerable<string> subjects)
    {
        var cards = slack.Posts(TestSettings.SupportChannel).Select(c => c.Text).ToList();
        var confirmations = slack.Posts(TestSettings.CustomerChannel).Select(c => c.Text).ToList();
        return subjects.Where(s => !cards.Any(t => t.Contains(s, StringComparison.Ordinal))
                                   || !confirmations.Any(t => t.Contains(s, StringComparison.Ordinal))).ToList();
    }

    [GeneratedRegex(@"\*SLA (at risk|breached|reminder \d+/\d+)\*: #(\d+) ")]
    private static partial Regex SlaNotice();
}
