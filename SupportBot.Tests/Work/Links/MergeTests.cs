using SupportBot.Outbox;
using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using SupportBot.Tests.Threads;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Work.Links;

/// <summary><c>/status N merge M</c>: M closes as N's duplicate, its requester follows N, and its clocks stop.</summary>
public sealed class MergeTests : IDisposable
{
    private const string Customer2 = "U_CUST2";

    private readonly SupportBotApp _app = Create();

    public void Dispose() => SlaApp.Dispose(_app);

    private async Task<(int Keep, int Duplicate)> TwoTicketsAsync()
    {
        var keep = await _app.CreateTicketAsync("Search times out");
        var duplicate = await _app.CreateTicketAsync("Search timing out for us too", user: Customer2);
        return (keep, duplicate);
    }

    /// <summary>A post in the duplicate's thread that names the kept ticket.</summary>
    private static Func<SlackCall, bool> ToldToFollow(string thread, int keep) =>
        c => c.Args["thread_ts"]?.GetValue<string>() == thread && c.Text.Contains($"#{keep}", StringComparison.Ordinal);

    [Fact]
    public async Task Merge_closes_the_duplicate_tells_its_requester_in_their_thread_and_records_it_on_the_kept_ticket()
    {
        var (keep, duplicate) = await TwoTicketsAsync();
        var keepThread = await _app.ThreadOfAsync(keep);
        var duplicateThread = await _app.ThreadOfAsync(duplicate);
        var task = await _app.CommandAsync("/status", $"{N(duplicate)} task Check the index size");
        Assert.Contains($"Task *#{duplicate + 1}*", task.Text, StringComparison.Ordinal);

        var answer = await _app.CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");

        Assert.Contains($"#{duplicate}", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"#{duplicate + 1}", answer.Text, StringComparison.Ordinal); // its open Task is named
        var closed = SlaApp.Ticket(_app, duplicate);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(keep, closed.DuplicateOf);
        Assert.Contains(closed.History, h => h.What == $"New → Closed: a duplicate of #{keep}");
        var kept = SlaApp.Ticket(_app, keep);
        Assert.Equal([duplicate], kept.Duplicates);
        var merged = Assert.Single(kept.History, h => h.What.StartsWith($"Merged #{duplicate} Search timing out for us too from ", StringComparison.Ordinal));
        Assert.EndsWith($"p{duplicateThread.Replace(".", "", StringComparison.Ordinal)}", merged.What, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, kept.Status);

        var told = Assert.Single(await _app.Slack.WaitForAsync("chat.postMessage", ToldToFollow(duplicateThread, keep)));
        Assert.Contains($"p{keepThread.Replace(".", "", StringComparison.Ordinal)}", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Search times out", told.Text, StringComparison.Ordinal); // the other request's words stay internal
        var shown = (await _app.CommandAsync("/status", N(keep))).Text;
        Assert.Contains($"Merged into this one: #{duplicate} from <@{Customer2}>", shown, StringComparison.Ordinal);
        Assert.Contains($"Closed as a duplicate of #{keep}", (await _app.CommandAsync("/status", N(duplicate))).Text, StringComparison.Ordinal);
        await _app.Slack.WaitForAsync("chat.update", c => c.Args.ToJsonString().Contains($"Duplicate of #{keep}", StringComparison.Ordinal));
        await _app.Slack.WaitForAsync("chat.update", c => c.Args.ToJsonString().Contains($"Merged: #{duplicate}", StringComparison.Ordinal));

        var retried = await _app.CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");

        Assert.Contains($"#{duplicate} is already merged into #{keep}", retried.Text, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => _app.Get<OutboxStore>().CountPending() == 0));
        Assert.Single(_app.Slack.Find("chat.postMessage", ToldToFollow(duplicateThread, keep)));
        Assert.Equal([duplicate], SlaApp.Ticket(_app, keep).Duplicates);
    }

    [Fact]
    public async Task A_merged_ticket_never_gets_an_SLA_reminder_after_its_target_passes()
    {
        var (keep, duplicate) = await TwoTicketsAsync();
        await _app.CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");

        _app.Time.Advance(TimeSpan.FromHours(3)); // past both 2 h first-response targets

        Assert.Equal(1, _app.Get<SlaReminderSweep>().Run()); // the kept ticket's breach only
        Assert.Single(await _app.WaitForSlaNotesAsync(keep, 1));
        Assert.True(await Eventually.TrueAsync(() => _app.Get<OutboxStore>().CountPending() == 0));
        Assert.Empty(_app.SlaNotes(duplicate));
        Assert.Null(SlaApp.Ticket(_app, duplicate).Sla.NextCheckAt);
    }

    [Fact]
    public async Task Merging_a_pending_ticket_stops_its_follow_ups_and_auto_solve()
    {
        var (keep, duplicate) = await TwoTicketsAsync();
        await _app.CommandAsync("/status", $"{N(duplicate)} pending waiting for logs");
        Assert.NotNull(SlaApp.Ticket(_app, duplicate).Sla.PendingNextAt);

        await _app.CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");

        var closed = SlaApp.Ticket(_app, duplicate);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Null(closed.Sla.PendingNextAt);
        Assert.Null(closed.Sla.AutoSolveAt);
        Assert.Null(closed.Sla.AutoCloseAt);
        _app.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, _app.Get<PendingSweep>().Run());
        Assert.Equal(TicketStatus.Closed, SlaApp.Ticket(_app, duplicate).Status);
    }

    [Fact]
    public async Task A_reply_in_the_duplicates_thread_joins_the_kept_ticket_and_reopens_it()
    {
        var (keep, duplicate) = await TwoTicketsAsync();
        var duplicateThread = await _app.ThreadOfAsync(duplicate);
        await _app.CommandAsync("/status", $"{N(keep)} pending waiting for logs");
        await _app.CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");

        await _app.ReplyAsync(duplicateThread, Customer2, "Here are our logs too");

        var kept = await _app.WaitForTicketAsync(keep, t => t.Conversation.CustomerReplies == 1);
        Assert.Equal(TicketStatus.Open, kept.Status);
        Assert.Contains(kept.Conversation.Entries, e => e.UserId == Customer2 && e.Text == "Here are our logs too");
        Assert.Equal(2, _app.Get<TicketStore>().Count()); // no follow-up of the duplicate
        Assert.Equal(0, SlaApp.Ticket(_app, duplicate).Conversation.CustomerReplies);
    }
}
