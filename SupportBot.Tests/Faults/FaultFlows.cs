using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Faults;

/// <summary>Requests and clock driving for the fault suite, where Slack may be down and time is moved by hand.</summary>
public static class FaultFlows
{
    /// <summary>
    /// A filled request form as the bot would have opened it (no views.open round trip, which may be down), with a
    /// view id of its own: re-sending this same payload is a duplicate submission.
    /// </summary>
    public static JsonObject Submission(string subject, string channel = TestSettings.CustomerChannel, string? threadTs = null,
        string user = TestSettings.Customer)
    {
        var source = threadTs is null ? TicketSource.RequestForm : TicketSource.MessageShortcut;
        var view = JsonSerializer.SerializeToNode(RequestForm.Build(new FormContext(channel, threadTs, source)), SlackJson.Options)!.AsObject();
        var payload = Flows.SubmissionPayload(view, user, subject, "Filed during a fault test.", "Normal");
        payload["view"]!["hash"] = "1700000000.hash" + payload["view"]!["id"]!.GetValue<string>();
        return payload;
    }

    public static async Task SubmitAsync(this SupportBotApp app, JsonObject submission)
    {
        using var response = await app.Requests.InteractAsync(submission);
        response.EnsureSuccessStatusCode();
        Assert.Equal("", await response.Content.ReadAsStringAsync()); // no validation errors: the form closes
    }

    /// <summary>Messages the outbox still owes, oldest first.</summary>
    public static List<OutboxMessage> Owed(this SupportBotApp app) => app.Get<OutboxStore>().Pending(5000);

    /// <summary>What Slack would show for an outbox entry, read like <see cref="SlackCall.Text"/> reads a call.</summary>
    public static string VisibleText(OutboxMessage message) =>
        new SlackCall(message.Method, JsonNode.Parse(message.Args)!.AsObject(), null, "", null).Text;

    /// <summary>
    /// Waits until the outbox has done all it can at the fake clock's instant: no owed message is due (each lane's
    /// head waits for its backoff, a Retry-After or its channel's spacing) and Slack has seen no new call for
    /// <paramref name="quietMs"/>. A quiet moment alone was no sign of that on a busy machine, where the worker may
    /// not run for longer; so the clock moved on while a post was still owed (sent late) or in flight (recorded after
    /// a 429 it did not know of). The deadline is real time and generous: it only ends a wait that went wrong.
    /// </summary>
    public static async Task SettleAsync(this SupportBotApp app, int quietMs = 30, int timeoutMs = Eventually.PatienceMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        var seen = app.Slack.Calls.Count;
        var quietSince = Environment.TickCount64;
        while (Environment.TickCount64 < deadline)
        {
            await Task.Delay(5);
            var now = app.Slack.Calls.Count;
            if (now != seen)
                (seen, quietSince) = (now, Environment.TickCount64);
            else if (Environment.TickCount64 - quietSince >= quietMs && app.NothingDue())
                return;
        }
    }

    /// <summary>True when no owed message may go at the fake clock's instant, as the worker's own pacing decides.</summary>
    public static bool NothingDue(this SupportBotApp app)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var pacing = app.Get<OutboxPacing>();
        return app.Owed().GroupBy(m => m.Lane).Select(lane => lane.First())
            .All(head => !(head.ExpiresAt < now) && pacing.DueAt(head) > now);
    }

    /// <summary>Moves the fake clock by <paramref name="step"/> and waits until the outbox has sent what fell due.</summary>
    public static async Task StepAsync(this SupportBotApp app, TimeSpan step)
    {
        app.Time.Advance(step);
        // the worker sleeps on a timer armed for "next due − now" as it read now: a clock moved before that timer was
        // armed leaves it asleep a step too long. Woken here, its round at this instant sends exactly what is due, so
        // what a test reads is the pacing's decision. (Its own timer waking it is OutboxDeliveryTests' concern.)
        app.Get<OutboxSignal>().Notify();
        await app.SettleAsync();
    }

    /// <summary>Moves the fake clock by <paramref name="step"/>, letting the app settle after each move, until <paramref name="done"/>.</summary>
    public static async Task<bool> StepUntilAsync(this SupportBotApp app, Func<bool> done, TimeSpan step, int maxSteps)
    {
        await app.SettleAsync();
        for (var i = 0; i < maxSteps && !done(); i++)
            await app.StepAsync(step);
        return done();
    }
}
