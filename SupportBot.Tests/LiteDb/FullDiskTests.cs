using System.Net;
using System.Text.Json.Nodes;
using SupportBot.LiteDb;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.LiteDb;

/// <summary>
/// A disk that fills up under the running bot: nothing is answered as saved that was not, health says so, and
/// everything works again once space is freed, without a restart.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly FillableDisk _disk = new();
    private readonly SupportBotApp _app;

    public FullDiskTests() => _app = new SupportBotApp(disk: _disk);

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
        // a LiteDB transaction left undisposed by a failed write throws from its finalizer and ends the process:
        // run the finalizers now, inside this test, rather than at some later point of the run
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private async Task<JsonObject> OpenFormAsync()
    {
        var opened = _app.Slack.Find("views.open").Count;
        await _app.Requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));
        var views = await _app.Slack.WaitForAsync("views.open", count: opened + 1);
        return views[^1].Args["view"]!.AsObject();
    }

    private async Task<HttpResponseMessage> SubmitAsync(JsonObject view, string subject) =>
        await _app.Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, subject, "details", "High"));

    /// <summary>The HTTP status and the overall status /health reports (its body is JSON with a detail per check).</summary>
    private async Task<(HttpStatusCode Status, string Body)> HealthAsync()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        var health = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, health["status"]!.GetValue<string>());
    }

    /// <summary>
    /// /health asked again until it is Healthy, bounded. While writes were failing, each check probes the store with a
    /// write of its own, but gives up after 250 ms if the store is busy (the other checks read it at the same moment, a
    /// background service reopens the engine the failed write dropped), which a loaded machine makes likely. What is
    /// checked is that health comes back with no restart and no other request; not that the first ask sees it.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> HealthyAgainAsync()
    {
        var deadline = Environment.TickCount64 + 30_000;
        var health = await HealthAsync();
        while (health != (HttpStatusCode.OK, "Healthy") && Environment.TickCount64 < deadline)
        {
            await Task.Delay(100);
            health = await HealthAsync();
        }
        return health;
    }

    /// <summary>
    /// Fills the disk once everything the bot owes Slack so far is delivered and marked so. A message Slack has
    /// received but whose mark could not be saved stays owed and goes again (at least once, never lost), on the
    /// outbox's backoff: on the test's still clock that retry never comes due, and it holds its lane.
    /// </summary>
    private async Task FillDiskAsync()
    {
        Assert.True(await Eventually.TrueAsync(() => _app.Get<SupportBot.Outbox.OutboxStore>().CountPending() == 0), "the outbox never settled");
        _disk.Full = true;
    }

    [Fact]
    public async Task A_submission_that_cannot_be_saved_keeps_the_modal_open_with_an_error_and_stores_nothing()
    {
        var view = await OpenFormAsync();
        await FillDiskAsync();

        using var response = await SubmitAsync(view, "Lost on a full disk");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("errors", answer["response_action"]?.GetValue<string>());
        Assert.Contains("couldn't save your request", answer["errors"]!["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        _disk.Full = false;
        Assert.Equal(0, _app.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task Health_is_unhealthy_while_writes_fail_and_recovers_by_itself_once_space_is_freed()
    {
        var view = await OpenFormAsync();
        await FillDiskAsync();
        using (await SubmitAsync(view, "Disk full"))
        {
        }

        var failing = await HealthAsync();
        _disk.Full = false;
        var recovered = await HealthyAgainAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), failing);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), recovered);
    }

    [Fact]
    public async Task Once_space_is_freed_submissions_and_commands_work_again_without_a_restart()
    {
        var first = await _app.CreateTicketAsync("Saved before the disk filled");
        var view = await OpenFormAsync();
        await FillDiskAsync();
        using (await SubmitAsync(view, "Not saved"))
        {
        }
        var refused = await _app.Requests.CommandAsync("/take", "1", TestSettings.Engineer);
        _disk.Full = false;

        var second = await _app.CreateTicketAsync("Saved after the disk was freed");
        var took = await _app.Requests.CommandAsync("/take", "1", TestSettings.Engineer);

        Assert.Contains("nothing was changed", refused.Text, StringComparison.Ordinal);
        Assert.Equal((1, 2), (first, second)); // the submission that was not saved left no ticket and used no number
        Assert.Equal(2, _app.Get<TicketStore>().Count());
        Assert.Contains("You took *#1*", took.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, _app.Get<TicketStore>().Find(1)!.AssigneeId);
    }

    [Fact]
    public async Task A_button_press_that_cannot_be_saved_is_not_answered_200()
    {
        var view = await OpenFormAsync();
        using (await SubmitAsync(view, "Take me"))
        {
        }
        await _app.WaitForTicketNumberAsync("Take me");
        await FillDiskAsync();

        using var press = await _app.Requests.InteractAsync(Flows.ButtonPayload(TriageCard.TakeActionId, "1", TestSettings.Engineer, TestSettings.SupportChannel));

        _disk.Full = false;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, press.StatusCode);
        Assert.Null(_app.Get<TicketStore>().Find(1)!.AssigneeId);
    }

    [Fact]
    public async Task An_event_that_cannot_be_stored_is_not_acknowledged_so_slack_retries_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);
        await FillDiskAsync();

        using var response = await _app.Requests.EventAsync(new JsonObject
        {
            ["type"] = "message", ["channel"] = TestSettings.HelpChannel, ["user"] = TestSettings.Customer, ["text"] = "help", ["ts"] = "1700000001.000100",
        }, eventId: "EvFULL1");
        _disk.Full = false;
        using var retry = await _app.Requests.EventAsync(new JsonObject
        {
            ["type"] = "message", ["channel"] = TestSettings.HelpChannel, ["user"] = TestSettings.Customer, ["text"] = "help", ["ts"] = "1700000001.000100",
        }, eventId: "EvFULL1", retryNum: 1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _app.Get<TicketStore>().Count() == 1), "the retried event never became a ticket");
    }

    [Fact]
    public async Task A_write_that_failed_on_a_thread_that_has_ended_leaves_nothing_that_ends_the_process_later()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);
        var gate = _app.Get<SupportBot.LiteDb.StoreGate>();
        await FillDiskAsync();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                gate.Write(db => db.GetCollection("probe").Insert(new LiteDB.BsonDocument { ["_id"] = 1 }));
            }
            catch (SupportBot.Storage.StoreWriteFailedException e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        _disk.Full = false;

        // the failed transaction's finalizer ran here would throw on the GC thread and end the test process
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.NotNull(failure);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthyAgainAsync());
    }
}
