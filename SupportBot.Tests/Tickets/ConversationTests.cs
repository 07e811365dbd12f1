using System.Globalization;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets;

public sealed class ConversationTests
{
    private static readonly DateTime At = new(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc);

    private static ConversationEntry Entry(int i, bool team = false) =>
        new() { Ts = $"17000000{i:D2}.000100", UserId = team ? "U_ENG1" : "U_CUST1", FromTeam = team, Text = $"reply {i}", At = At.AddMinutes(i) };

    [Fact]
    public void Keeps_every_count_but_only_the_last_50_replies()
    {
        var c = new Conversation();
        for (var i = 0; i < 60; i++)
            Assert.True(c.Add(Entry(i, team: i % 3 == 0)));

        Assert.Equal(60, c.Count);
        Assert.Equal(20, c.TeamReplies);
        Assert.Equal(Conversation.MaxEntries, c.Entries.Count);
        Assert.Equal("reply 10", c.Entries[0].Text);
        Assert.Equal(At.AddMinutes(59), c.LastCustomerReplyAt);
        Assert.Equal(At.AddMinutes(57), c.LastTeamReplyAt);
    }

    [Fact]
    public void Answers_and_mails_without_a_slack_ts_are_recorded_in_time_order_in_a_full_conversation()
    {
        var c = new Conversation();
        for (var i = 0; i < 55; i++)
            c.Add(Entry(i));
        var answer = new ConversationEntry { Ts = "answer:5f1c", UserId = "U_ENG1", FromTeam = true, Text = "From /ticket N reply", At = At.AddMinutes(60) };
        var mail = new ConversationEntry { Ts = "<reply-7@customer.example>", UserId = "U_CUST1", Text = "A mail", At = At.AddMinutes(61) };

        Assert.True(c.Add(answer));
        Assert.Null(c.WaitingSince); // the answer stops the next-reply clock
        Assert.True(c.Add(mail));

        Assert.Equal(57, c.Count);
        Assert.Equal(["From /ticket N reply", "A mail"], c.Entries.TakeLast(2).Select(e => e.Text));
        Assert.Equal(At.AddMinutes(61), c.WaitingSince);
        Assert.False(c.Add(answer));
    }

    [Fact]
    public void A_reply_seen_before_is_not_counted_again_even_after_it_was_trimmed()
    {
        var c = new Conversation();
        for (var i = 0; i < 60; i++)
            c.Add(Entry(i));

        Assert.False(c.Add(Entry(59)));
        Assert.False(c.Add(Entry(3)));
        Assert.Equal(60, c.Count);
    }

    [Fact]
    public void An_edit_replaces_the_text_and_keeps_the_counts()
    {
        var c = new Conversation();
        c.Add(Entry(1));

        Assert.Equal(Entry(1).Text, c.Edit(Entry(1).Ts, "fixed typo", At.AddHours(1)));
        Assert.Null(c.Edit(Entry(1).Ts, "fixed typo", At.AddHours(2)));
        Assert.Null(c.Edit("1.000000", "unknown message", At));

        var entry = Assert.Single(c.Entries);
        Assert.Equal("fixed typo", entry.Text);
        Assert.Equal(At.AddHours(1), entry.EditedAt);
        Assert.Equal(1, c.Count);
    }

    [Fact]
    public void Status_line_shows_count_and_last_reply_times()
    {
        var c = new Conversation();
        Assert.Contains("no replies", ConversationSummary.Line(c, d => d.ToString("HH:mm", CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        c.Add(Entry(1));
        c.Add(Entry(2, team: true));

        var line = ConversationSummary.Line(c, d => d.ToString("HH:mm", CultureInfo.InvariantCulture));

        Assert.Equal("Conversation: 2 replies (1 customer, 1 engineer) · last customer reply: 10:01 · last engineer reply: 10:02", line);
    }
}
