using System.Globalization;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>Events API payloads as Slack sends them, and bounded polling for their effects (they are handled after the ack).</summary>
public static class ThreadEvents
{
    /// <summary>What <see cref="FakeSlackApi"/>'s auth.test answers.</summary>
    public const string BotUser = "UBOT";
    public const string BotId = "BBOT";

    private static long _ts = 1_800_000_000;

    /// <summary>A fresh message ts, distinct from the ones the fake gives the bot's posts.</summary>
    public static string NextTs() => $"{Interlocked.Increment(ref _ts).ToString(CultureInfo.InvariantCulture)}.000200";

    public static JsonObject Message(string channel, string? user, string text, string? threadTs = null, string? ts = null,
        string? subtype = null, string? botId = null)
    {
        var message = new JsonObject { ["type"] = "message", ["channel"] = channel, ["text"] = text, ["ts"] = ts ?? NextTs(), ["channel_type"] = "channel" };
        if (user is not null)
            message["user"] = user;
        if (threadTs is not null)
            message["thread_ts"] = threadTs;
        if (subtype is not null)
            message["subtype"] = subtype;
        if (botId is not null)
            message["bot_id"] = botId;
        return message;
    }

    public static JsonObject Reaction(string user, string channel, string ts, string reaction = "ticket", string? itemUser = TestSettings.Customer) => new()
    {
        ["type"] = "reaction_added", ["user"] = user, ["reaction"] = reaction, ["item_user"] = itemUser,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts }, ["event_ts"] = NextTs(),
    };

    /// <summary>
    /// Sends an event (a copy, so one payload can be re-sent as Slack's retries are). The inbox handles events in
    /// arrival order (by received time, kept to the millisecond), so each one arrives a millisecond after the last,
    /// as in real life: a later "sentinel" event then proves everything before it was handled.
    /// </summary>
    public static Task<HttpResponseMessage> SendAsync(this SupportBotApp app, JsonObject slackEvent, string? eventId = null, int? retryNum = null)
    {
        app.Time.Advance(TimeSpan.FromMilliseconds(1));
        return app.Requests.EventAsync(slackEvent.DeepClone().AsObject(), eventId, retryNum);
    }

    /// <summary>A reply in a thread of the customer channel; returns the reply's ts.</summary>
    public static async Task<string> ReplyAsync(this SupportBotApp app, string threadTs, string user, string text,
        string channel = TestSettings.CustomerChannel)
    {
        var reply = Message(channel, user, text, threadTs);
        (await app.SendAsync(reply)).EnsureSuccessStatusCode();
        return reply["ts"]!.GetValue<string>();
    }

    public static Ticket Ticket(this SupportBotApp app, int number) => app.Get<TicketStore>().Find(number)!;

    /// <summary>The customer-channel thread of a ticket, once its confirmation has been posted.</summary>
    public static async Task<string> ThreadOfAsync(this SupportBotApp app, int number) =>
        (await app.WaitForTicketAsync(number, t => t.ThreadTs is not null)).ThreadTs!;

    public static Task<Ticket> WaitForTicketAsync(this SupportBotApp app, int number, Func<Ticket, bool> until) =>
        WaitUntilAsync(() => app.Get<TicketStore>().Find(number) is { } t && until(t) ? t : null, $"ticket #{number} to reach the expected state");

    /// <summary>Polls (bounded, never on the test's fake clock) until <paramref name="probe"/> answers.</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<T?> probe, string what, int timeoutMs = Eventually.PatienceMs) where T : class
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            if (probe() is { } found)
                return found;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"Waited {timeoutMs} ms for {what}");
            await Task.Delay(10);
        }
    }

    public static Task WaitForTicketCountAsync(this SupportBotApp app, int count) =>
        WaitUntilAsync(() => app.Get<TicketStore>().Count() >= count ? "" : null, $"{count} tickets");

    public static async Task<CommandAnswer> StatusAsync(this SupportBotApp app, int number, string? change = null, string user = TestSettings.Engineer) =>
        await app.Requests.CommandAsync("/status", $"{number} {change}".Trim(), user);
}
