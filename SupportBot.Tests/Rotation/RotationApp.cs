using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Rotation;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Rotation;

/// <summary>An app in rotation mode on a fake clock, and the offers as Slack sees them.</summary>
public static class RotationApp
{
    public static SupportBotApp Create(Dictionary<string, string?>? settings = null, string? dbPath = null, FakeTimeProvider? time = null,
        bool scheduler = false)
    {
        var all = new Dictionary<string, string?> { ["Assignment:Mode"] = "rotation" };
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        return SlaApp.Create(all, dbPath, time, scheduler: scheduler);
    }

    public static Task<int> SweepAsync(this SupportBotApp app) => app.Get<OfferSweep>().RunAsync(CancellationToken.None);

    /// <summary>The DMs offering #number (posts with the rotation's Take button), oldest first.</summary>
    public static IReadOnlyList<SlackCall> Offers(this SupportBotApp app, int number) =>
        app.Slack.Find("chat.postMessage", c => IsOffer(c, number));

    public static Task<IReadOnlyList<SlackCall>> WaitForOffersAsync(this SupportBotApp app, int number, int count = 1) =>
        app.Slack.WaitForAsync("chat.postMessage", c => IsOffer(c, number), count);

    /// <summary>Updates of the offer DMs (chat.update) that say <paramref name="words"/>.</summary>
    public static Task<IReadOnlyList<SlackCall>> WaitForEndedAsync(this SupportBotApp app, string words) =>
        app.Slack.WaitForAsync("chat.update", c => c.Text.Contains(words, StringComparison.Ordinal));

    /// <summary>Presses Take or Pass on a delivered offer, as Slack would: from the DM the post landed in.</summary>
    public static async Task PressAsync(this SupportBotApp app, SlackCall offer, string actionId, int number, string user)
    {
        var payload = Flows.ButtonPayload(actionId, SlaApp.N(number), user, offer.Channel!);
        payload["container"]!["message_ts"] = offer.AnswerTs;
        (await app.Requests.InteractAsync(payload)).EnsureSuccessStatusCode();
    }

    /// <summary>Waits until Slack's answer to the offer DM is kept on the ticket (so a later update can find the DM).</summary>
    public static Task<bool> OfferPostedAsync(this SupportBotApp app, int number) =>
        Eventually.TrueAsync(() => app.Ticket(number).Offer?.Ts is not null);

    private static bool IsOffer(SlackCall call, int number) =>
        call.Text.Contains($"#{number}", StringComparison.Ordinal) && call.Args["blocks"] is JsonArray blocks &&
        blocks.ToJsonString().Contains(OfferMessages.TakeActionId, StringComparison.Ordinal);
}
