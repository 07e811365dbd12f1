using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>The records beside the tickets: outbox, intake keys, events, dead letters, customers, sign-ins, cursors, Home tabs.</summary>
public abstract partial class StoreContract
{
    private OutboxMessage Queue(string lane) => Gate.Write(s =>
    {
        var message = new OutboxMessage { Lane = lane, Method = "chat.postMessage", Args = """{"text":"hi"}""", NextAttemptAt = Now, CreatedAt = Now };
        s.Outbox.Insert(message);
        return message;
    });

    [Fact]
    public void Outbox_ids_grow_and_set_aside_messages_are_not_pending()
    {
        var first = Queue("C_ACME");
        var second = Queue("C_ACME");
        var third = Queue("C_BETA");
        second.Failed = true;
        second.LastError = "not_in_channel";
        Gate.Write(s => s.Outbox.Update(second));

        Assert.True(first.Id < second.Id && second.Id < third.Id);
        Assert.Equal([first.Id, third.Id], Gate.Read(s => s.Outbox.PendingAfter(0, 10)).Select(m => m.Id));
        Assert.Equal([third.Id], Gate.Read(s => s.Outbox.PendingAfter(first.Id, 10)).Select(m => m.Id));
        Assert.Equal("not_in_channel", Assert.Single(Gate.Read(s => s.Outbox.SetAside())).LastError);
        Assert.Equal((2, 1), Gate.Read(s => (s.Outbox.CountPending(), s.Outbox.CountSetAside())));

        Gate.Write(s => s.Outbox.Delete(first.Id));
        Assert.Equal(1, Gate.Read(s => s.Outbox.CountPending()));
        Assert.Equal("""{"text":"hi"}""", Gate.Read(s => s.Outbox.PendingAfter(0, 1))[0].Args);
    }

    [Fact]
    public void Outbox_ids_never_repeat_after_the_outbox_drains()
    {
        var first = Queue("C_ACME");
        Gate.Write(s => s.Outbox.Delete(first.Id));

        Assert.True(Queue("C_ACME").Id > first.Id);
    }

    [Fact]
    public void An_intake_key_is_found_moved_and_never_taken_twice()
    {
        Gate.Write(s => s.IntakeKeys.Insert(new IntakeKey { Id = "C_ACME:1.1", TicketNumber = 3, At = Now }));
        var key = Gate.Read(s => s.IntakeKeys.Find("C_ACME:1.1"))!;
        key.TicketNumber = 4;
        Gate.Write(s => s.IntakeKeys.Update(key));

        Assert.Equal(4, Gate.Read(s => s.IntakeKeys.Find("C_ACME:1.1"))?.TicketNumber);
        Assert.Null(Gate.Read(s => s.IntakeKeys.Find("C_ACME:2.2")));
        Assert.ThrowsAny<Exception>(() => Gate.Write(s => s.IntakeKeys.Insert(new IntakeKey { Id = "C_ACME:1.1", TicketNumber = 9, At = Now })));
        Assert.Equal(4, Gate.Read(s => s.IntakeKeys.Find("C_ACME:1.1"))?.TicketNumber);
    }

    [Fact]
    public void Events_come_back_in_arrival_order_and_a_requeued_one_goes_last()
    {
        foreach (var id in new[] { "Ev1", "Ev2", "Ev3" })
            Gate.Write(s => s.Events.Add(new StoredEvent { EventId = id, Type = "message", Json = "{}", ReceivedAt = Now }));
        var first = Gate.Read(s => s.Events.Find("Ev1"))!;
        first.ProcessedAt = Now;
        Gate.Write(s => s.Events.Update(first));

        Assert.Equal(["Ev2", "Ev3"], Gate.Read(s => s.Events.Unprocessed(10)).Select(e => e.EventId));

        Gate.Write(s => s.Events.Add(new StoredEvent { EventId = "Ev2", Type = "message", Json = """{"again":true}""", ReceivedAt = Now }));
        Assert.Equal(["Ev3", "Ev2"], Gate.Read(s => s.Events.Unprocessed(10)).Select(e => e.EventId));
        Assert.Equal(1, Gate.Write(s => s.Events.PruneProcessed(Now.AddSeconds(1))));
        Assert.Null(Gate.Read(s => s.Events.Find("Ev1")));
        Assert.Equal(0, Gate.Write(s => s.Events.PruneProcessed(Now.AddDays(1))));
    }

    [Fact]
    public void Dead_letters_are_kept_listed_and_removed()
    {
        var id = Gate.Write(s => s.DeadLetters.Insert(new DeadLetter { Kind = DeadLetterKind.Event, SourceId = "Ev9", Type = "message", Json = "{}", Reason = "boom", At = Now }));
        var next = Gate.Write(s => s.DeadLetters.Insert(new DeadLetter { Kind = DeadLetterKind.Interaction, SourceId = "V1", Type = "block_actions", At = Now }));

        Assert.True(next > id);
        Assert.Equal([id, next], Gate.Read(s => s.DeadLetters.All()).Select(l => l.Id));
        Assert.Equal("boom", Gate.Read(s => s.DeadLetters.All())[0].Reason);
        Assert.True(Gate.Write(s => s.DeadLetters.Delete(id)));
        Assert.False(Gate.Write(s => s.DeadLetters.Delete(id)));
        Assert.Equal(1, Gate.Read(s => s.DeadLetters.Count()));
    }

    [Fact]
    public void Customers_are_saved_found_replaced_and_removed()
    {
        Gate.Write(s => s.Customers.Upsert(new Customer { Key = "acme corp", Name = "Acme Corp", Channels = ["C_ACME"], Tier = "Enterprise" }));
        Gate.Write(s => s.Customers.Upsert(new Customer { Key = "acme corp", Name = "Acme Corp", Channels = ["C_ACME", "C_ACME2"], Tier = "Pro" }));
        Gate.Write(s => s.Customers.Upsert(new Customer { Key = "beta", Name = "Beta" }));

        var acme = Gate.Read(s => s.Customers.Find("acme corp"))!;
        Assert.Equal(["C_ACME", "C_ACME2"], acme.Channels);
        Assert.Equal("Pro", acme.Tier);
        Assert.Equal(2, Gate.Read(s => s.Customers.All()).Count);
        Gate.Write(s => s.Customers.Delete("beta"));
        Assert.Null(Gate.Read(s => s.Customers.Find("beta")));
    }

    [Fact]
    public void Sign_in_links_and_sessions_are_kept_apart_and_expire()
    {
        Gate.Write(s =>
        {
            s.Grants.Insert(GrantKind.Link, new SignIns.Grant { Hash = "H1", UserId = "U_ENG1", ExpiresAt = Now.AddMinutes(-1) });
            s.Grants.Insert(GrantKind.Link, new SignIns.Grant { Hash = "H2", UserId = "U_ENG1", ExpiresAt = Now.AddMinutes(10) });
            s.Grants.Insert(GrantKind.Session, new SignIns.Grant { Hash = "H1", UserId = "U_ENG2", ExpiresAt = Now.AddHours(12) });
        });
        Gate.Write(s => s.Grants.DeleteExpired(GrantKind.Link, Now));

        Assert.Null(Gate.Read(s => s.Grants.Find(GrantKind.Link, "H1")));
        Assert.Equal("U_ENG1", Gate.Read(s => s.Grants.Find(GrantKind.Link, "H2"))?.UserId);
        Assert.Equal("U_ENG2", Gate.Read(s => s.Grants.Find(GrantKind.Session, "H1"))?.UserId);
        Gate.Write(s => s.Grants.Delete(GrantKind.Session, "H1"));
        Assert.Null(Gate.Read(s => s.Grants.Find(GrantKind.Session, "H1")));
    }

    [Fact]
    public void Mailbox_cursors_keep_the_whole_uid_range()
    {
        Gate.Write(s => s.MailboxCursors.Upsert(new MailboxCursor { Mailbox = "support@imap", UidValidity = uint.MaxValue, LastUid = 7 }));
        Gate.Write(s => s.MailboxCursors.Upsert(new MailboxCursor { Mailbox = "support@imap", UidValidity = uint.MaxValue, LastUid = uint.MaxValue - 1 }));

        var cursor = Gate.Read(s => s.MailboxCursors.Find("support@imap"))!;
        Assert.Equal((uint.MaxValue, uint.MaxValue - 1), (cursor.UidValidity, cursor.LastUid));
        Assert.Null(Gate.Read(s => s.MailboxCursors.Find("other")));
    }

    [Fact]
    public void Home_tabs_are_due_once_their_refresh_time_comes()
    {
        Gate.Write(s =>
        {
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG1" });
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG2", RefreshAt = Now.AddSeconds(3), Version = 2 });
        });

        Assert.Empty(Gate.Read(s => s.HomeTabs.Due(Now)));
        var due = Assert.Single(Gate.Read(s => s.HomeTabs.Due(Now.AddSeconds(3))));
        Assert.Equal(("U_ENG2", 2L), (due.UserId, due.Version));
        due.RefreshAt = null;
        Gate.Write(s => s.HomeTabs.Update(due));
        Assert.Empty(Gate.Read(s => s.HomeTabs.Due(Now.AddDays(1))));
        Assert.NotNull(Gate.Read(s => s.HomeTabs.Find("U_ENG1")));
    }

    [Fact]
    public void A_touch_bumps_an_opened_tab_keeps_a_due_time_already_set_and_skips_an_unopened_one()
    {
        Gate.Write(s =>
        {
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG1" });
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG2", RefreshAt = Now, Version = 2 });
        });

        Gate.Write(s => s.HomeTabs.Touch(["U_ENG1", "U_ENG2", "U_NEVER"], Now.AddSeconds(3)));

        Assert.Equal((1L, Now.AddSeconds(3)), Gate.Read(s => s.HomeTabs.Find("U_ENG1")) is { } first ? (first.Version, first.RefreshAt) : default);
        Assert.Equal((3L, Now), Gate.Read(s => s.HomeTabs.Find("U_ENG2")) is { } second ? (second.Version, second.RefreshAt) : default);
        Assert.Null(Gate.Read(s => s.HomeTabs.Find("U_NEVER")));
    }
}
