using SupportBot.Storage;
using SupportBot.Tickets;

using SupportBot.Outbox;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>
/// What every store engine promises the features, run against each (<see cref="LiteDbStoreContractTests"/>,
/// <see cref="PostgresStoreContractTests"/>): the same calls give the same answers.
/// </summary>
public abstract partial class StoreContract
{
    protected abstract IStoreGate Gate { get; }

    protected static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    protected Ticket Insert(Action<Ticket>? shape = null) => Gate.Write(s =>
    {
        var ticket = new Ticket { Subject = "Search times out", ChannelId = "C_ACME", RequesterId = "U_CUST", CreatedAt = Now, UpdatedAt = Now };
        shape?.Invoke(ticket);
        s.Tickets.Insert(ticket);
        return ticket;
    });

    [Fact]
    public void Ticket_numbers_start_at_one_and_follow_each_other()
    {
        var numbers = Enumerable.Range(0, 3).Select(_ => Insert().Number).ToList();

        Assert.Equal([1, 2, 3], numbers);
        Assert.Equal(numbers, numbers.Select(n => Gate.Read(s => s.Tickets.Find(n))!.Number)); // the stored record carries it too
        Assert.Equal(3, Gate.Read(s => s.Tickets.Count()));
        Assert.Equal(3, Gate.Read(s => s.Tickets.HighestNumber()));
    }

    [Fact]
    public void A_write_that_fails_stores_nothing_and_uses_no_number()
    {
        Insert();

        Assert.Throws<InvalidOperationException>(() => Gate.Write(s =>
        {
            s.Tickets.Insert(new Ticket { Subject = "lost", ChannelId = "C_ACME", UpdatedAt = Now });
            s.Outbox.Insert(new SupportBot.Outbox.OutboxMessage { Lane = "C_ACME", Method = "chat.postMessage", NextAttemptAt = Now });
            throw new InvalidOperationException("the work failed");
        }));

        Assert.Equal(1, Gate.Read(s => s.Tickets.Count()));
        Assert.Equal(0, Gate.Read(s => s.Outbox.CountPending()));
        Assert.Equal(2, Insert().Number);
    }

    [Fact]
    public void A_write_inside_a_write_commits_and_rolls_back_with_it()
    {
        Assert.Throws<InvalidOperationException>(() => Gate.Write(outer =>
        {
            outer.Tickets.Insert(new Ticket { Subject = "outer", ChannelId = "C_ACME", UpdatedAt = Now });
            Gate.Write(inner => inner.Tickets.Insert(new Ticket { Subject = "inner", ChannelId = "C_ACME", UpdatedAt = Now }));
            throw new InvalidOperationException("the outer work failed");
        }));

        Assert.Equal(0, Gate.Read(s => s.Tickets.Count()));
    }

    [Fact]
    public void A_ticket_reads_back_with_every_field()
    {
        var stored = Insert(t =>
        {
            t.Description = "Since the upgrade 🎫 — \"quotes\" and <tags>";
            t.Priority = Priority.Urgent;
            t.Status = TicketStatus.Pending;
            t.AssigneeId = "U_ENG1";
            t.TaskNumbers = [4, 5];
            t.ThreadTs = "1700000000.000100";
            t.TriageTs = "1700000000.000200";
            t.FirstResponseDueAt = Now.AddHours(4);
            t.Notes.Add(new TicketNote { At = Now, AuthorId = "U_ENG1", Text = "checked the logs" });
            t.Escalations.Add(new TicketEscalation { At = Now, Question = "known?", ChannelId = "C_COLLAB", Ts = "1700000000.000300" });
            t.Resolution = new TicketResolution { Path = ResolutionPath.Workaround, Link = "https://example.com/1", At = Now };
            t.History.Add(new TicketHistoryEntry { At = Now, ActorId = "U_ENG1", What = "took it" });
            t.Sla.NextCheckAt = Now.AddMinutes(30);
            t.Via = new CustomerConversation { Kind = ConversationKind.Email, Address = "ann@example.com", Reference = "<a@b>" };
            t.PostDeletedAt = Now;
            t.Tags = ["billing", "sso"];
            t.History.Add(new TicketHistoryEntry { At = Now, ActorId = "U_CUST1", What = "Edited a reply", MessageTs = "1700000000.000400" });
            t.Conversation.Add(new ConversationEntry
            {
                Ts = "1700000000.000400", UserId = "U_CUST1", Text = "Shared log.txt", At = Now, EditedAt = Now, DeletedAt = Now,
                Files = [new MessageFile { Name = "log.txt", Size = 2048, Permalink = "https://acme.slack.com/files/U1/F1/log.txt" }],
            });
        });

        var found = Gate.Read(s => s.Tickets.Find(stored.Number))!;

        Assert.Equal(SupportBot.Postgres.PgJson.Write(stored), SupportBot.Postgres.PgJson.Write(found));
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        Assert.True(found.IsAssigned);
        Assert.Equal(2048, Assert.Single(Assert.Single(found.Conversation.Entries).Files).Size);
        Assert.Equal(Now, found.PostDeletedAt);
        Assert.Equal(["billing", "sso"], found.Tags);
        Assert.Null(Gate.Read(s => s.Tickets.Find(999)));
    }

    [Fact]
    public void An_update_replaces_the_stored_ticket()
    {
        var ticket = Insert();
        ticket.Status = TicketStatus.Open;
        ticket.AssigneeId = "U_ENG2";
        Gate.Write(s => s.Tickets.Update(ticket));

        var found = Gate.Read(s => s.Tickets.Find(ticket.Number))!;
        Assert.Equal(TicketStatus.Open, found.Status);
        Assert.Equal("U_ENG2", found.AssigneeId);
    }

    [Fact]
    public void Tickets_are_found_by_thread_newest_first_by_triage_card_and_by_escalation()
    {
        var first = Insert(t => { t.ThreadTs = "1.1"; t.TriageTs = "9.1"; });
        var followUp = Insert(t => t.ThreadTs = "1.1");
        Insert(t => { t.ThreadTs = "1.1"; t.ChannelId = "C_OTHER"; });
        var escalated = Insert(t => t.Escalations.Add(new TicketEscalation { ChannelId = "C_COLLAB", Ts = "5.5" }));

        Assert.Equal([followUp.Number, first.Number], Gate.Read(s => s.Tickets.InThread("C_ACME", "1.1")).Select(t => t.Number));
        Assert.Equal(first.Number, Gate.Read(s => s.Tickets.ByTriageCard("9.1"))?.Number);
        Assert.Null(Gate.Read(s => s.Tickets.ByTriageCard("9.9")));
        Assert.Equal([escalated.Number], Gate.Read(s => s.Tickets.ByEscalation("5.5")).Select(t => t.Number));
        Assert.Empty(Gate.Read(s => s.Tickets.ByEscalation("5.6")));
    }

    [Fact]
    public void Open_tickets_are_those_not_solved_or_closed()
    {
        var statuses = Enum.GetValues<TicketStatus>();
        foreach (var status in statuses)
            Insert(t => t.Status = status);

        var open = Gate.Read(s => s.Tickets.Open()).Select(t => t.Status).Order().ToList();

        Assert.Equal(statuses.Where(s => !s.IsDone()).Order(), open);
    }

    [Fact]
    public void Open_tickets_are_read_by_number_a_chunk_at_a_time_with_the_fields_the_queue_shows()
    {
        var due = Now.AddHours(2);
        var shown = Insert(t =>
        {
            (t.Subject, t.AssigneeId, t.Priority, t.FirstResponseDueAt, t.Sla.NextReply.DueAt, t.Sla.Resolution.DueAt) =
                ("VPN down", "U_ENG", Priority.Urgent, due, due.AddHours(1), due.AddHours(2));
            t.Tags.Add("vpn");
        });
        var solved = Insert(t => t.Status = TicketStatus.Solved);
        var task = Insert(t => { t.Kind = TicketKind.Task; t.TaskOf = shown.Number; });
        var waiting = Insert();
        var closedLater = Insert();
        Gate.Write(s => { closedLater.Status = TicketStatus.Closed; s.Tickets.Update(closedLater); });

        var firstTwo = Gate.Read(s => s.Tickets.OpenAfter(0, 2));
        var rest = Gate.Read(s => s.Tickets.OpenAfter(firstTwo[^1].Number, 2));

        Assert.Equal([shown.Number, task.Number, waiting.Number], firstTwo.Concat(rest).Select(t => t.Number));
        Assert.DoesNotContain(solved.Number, rest.Select(t => t.Number));
        Assert.Equal(OpenTicket.From(Gate.Read(s => s.Tickets.Find(shown.Number))!) with { Tags = null },
            firstTwo[0] with { Tags = null });
        Assert.Equal(["vpn"], firstTwo[0].Tags!);
        Assert.Equal(shown.Number, firstTwo[1].TaskOf);
        Assert.Equal("U_ENG", firstTwo[0].AssigneeId);
    }

    [Theory]
    [InlineData(SlaClock.NextCheck)]
    [InlineData(SlaClock.PendingNext)]
    [InlineData(SlaClock.AutoClose)]
    public void Due_tickets_are_those_whose_instant_has_come(SlaClock clock)
    {
        static void Set(Ticket t, SlaClock clock, DateTime? at)
        {
            if (clock == SlaClock.NextCheck) t.Sla.NextCheckAt = at;
            else if (clock == SlaClock.PendingNext) t.Sla.PendingNextAt = at;
            else t.Sla.AutoCloseAt = at;
        }
        var past = Insert(t => Set(t, clock, Now.AddMinutes(-5)));
        var exactly = Insert(t => Set(t, clock, Now));
        Insert(t => Set(t, clock, Now.AddMinutes(5)));
        Insert(t => Set(t, clock, null));

        Assert.True(Gate.Read(s => s.Tickets.AnyDue(clock, Now)));
        Assert.False(Gate.Read(s => s.Tickets.AnyDue(clock, Now.AddMinutes(-10))));
        Assert.Equal([past.Number, exactly.Number], Gate.Write(s => s.Tickets.Due(clock, Now, 10)).Select(t => t.Number).Order());
        Assert.Single(Gate.Write(s => s.Tickets.Due(clock, Now, 1)));
    }

    [Fact]
    public void Tickets_are_paged_by_number_and_by_change_time()
    {
        for (var i = 0; i < 5; i++)
            Insert(t => t.UpdatedAt = Now.AddMinutes(i));

        Assert.Equal([3, 4], Gate.Read(s => s.Tickets.After(2, 2)).Select(t => t.Number));
        Assert.Empty(Gate.Read(s => s.Tickets.After(5, 2)));
        Assert.Equal([3, 4], Gate.Read(s => s.Tickets.Range(2, 4, Now.AddMinutes(2))).Select(t => t.Number));
    }
}
