using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Dashboard.Actions;

/// <summary>
/// Two tickets made alike in one app: one is acted on by the slash command, its twin by the ticket page's form. What
/// each left behind (history, Slack calls) is compared with the ticket's number and subject written out.
/// </summary>
public sealed partial class TicketTwins(SupportBotApp app)
{
    public const string Subject = "Export <b>stuck</b> & slow";

    public int BySlack { get; private set; }

    public int ByForm { get; private set; }

    public async Task CreateAsync()
    {
        // made as the request form makes them; the subject's markup shows that answers are escaped on the page
        var intake = app.Get<TicketIntake>();
        BySlack = intake.Create(TestSettings.Draft(Subject + " (one)")).Number;
        ByForm = intake.Create(TestSettings.Draft(Subject + " (two)")).Number;
        await SettledAsync();
    }

    /// <summary>Every message the actions owe has been delivered (they are committed before the answer).</summary>
    public async Task SettledAsync() =>
        Assert.True(await Eventually.TrueAsync(() => app.Get<OutboxStore>().CountPending() == 0), "the outbox did not settle");

    /// <summary>The Slack calls <paramref name="act"/> caused once delivered (lanes go out side by side: sorted), written out for <paramref name="number"/>.</summary>
    public async Task<IReadOnlyList<string>> CallsOfAsync(int number, Func<Task> act)
    {
        var before = app.Slack.Calls.Count;
        await act();
        await SettledAsync();
        return [.. app.Slack.Calls.Skip(before).Where(c => c.Method != "users.info").Select(c => $"{c.Method} {c.Channel}: {Neutral(c.Text, number)}").Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> History(int number) =>
        [.. app.Get<TicketStore>().Find(number)!.History.Select(h => $"{h.ActorId}: {Neutral(h.What, number)}")];

    /// <summary>The form's POST, then the page it redirects to (showing the command's answer).</summary>
    public static async Task<string> SubmitAsync(HttpClient browser, int number, string action, params (string Name, string Value)[] fields)
    {
        var path = $"/tickets/{number}";
        var page = (await browser.PageAsync(path)).Body;
        Assert.Contains($"action=\"{path}/{action}\"", page, StringComparison.Ordinal);
        using var response = await browser.PostAsync(new Uri($"{path}/{action}", UriKind.Relative),
            DashboardSession.AntiforgeryForm(page, [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, response.Headers.Location?.OriginalString);
        var (status, after) = await browser.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return after;
    }

    /// <summary>The answer shown on a ticket page after a form, as text.</summary>
    public static string Answer(string page)
    {
        var shown = Notice().Match(page);
        Assert.True(shown.Success, "the page shows no answer");
        return WebUtility.HtmlDecode(Tags().Replace(shown.Groups[1].Value, ""));
    }

    /// <summary>The text with this ticket's number, subject and thread written out, and without the line naming its twin.</summary>
    private string Neutral(string text, int number)
    {
        var subject = number == BySlack ? " (one)" : " (two)";
        var lines = text.Replace(subject, "", StringComparison.Ordinal).Split('\n')
            .Where(line => !line.StartsWith("> Other open tickets", StringComparison.Ordinal));
        return Thread().Replace(Number(number).Replace(string.Join('\n', lines), "N"), "/pTS");
    }

    private static Regex Number(int number) => new($@"(?<=#|/tickets/|/take |/ticket |/status ){number}(?!\d)");

    [GeneratedRegex(@"/p\d{16}")]
    private static partial Regex Thread();

    [GeneratedRegex("<p class=\"notice answer\" role=\"status\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Notice();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
