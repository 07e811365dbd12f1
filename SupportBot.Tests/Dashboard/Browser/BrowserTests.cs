using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// The dashboard in a real browser: the app on Kestrel on a loopback port, headless Chromium following a sign-in
/// link to each page. Set <c>SUPPORTBOT_SCREENSHOTS</c> to a folder to also save a screenshot of each page.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private readonly SupportBotApp _app = new(new() { ["Dashboard:PublicUrl"] = "http://127.0.0.1" });
    private readonly Uri _base;

    public BrowserTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _base = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_renders_its_data_for_a_signed_in_engineer()
    {
        var (open, solved) = await SeedAsync();
        var pages = new (string Path, string[] Shows)[]
        {
            ("/", ["Queue", "Printer is on fire", "Acme Corp"]),
            ("/mine", ["Mine", "Backups fail nightly"]),
            ("/team", ["Team", TestSettings.Engineer]),
            ("/customers", ["Customers", "Enterprise", "Printer is on fire", "Exports are slow"]),
            ($"/tickets/{solved}", ["Exports are slow", "Internal notes", "Index rebuild fixed it", "😀 Good", "History"]),
            ("/reports", ["Reports", "<svg", "Tickets created per week, by source", "CSAT (1 ratings)", "Export tickets as CSV"]),
            ("/undelivered", ["Undelivered (1)", "Printer is on fire", "the bot is not a member of #" + TestSettings.CustomerChannel, "Retry all"]),
        };
        var shots = Environment.GetEnvironmentVariable("SUPPORTBOT_SCREENSHOTS");
        foreach (var (path, shows) in pages)
        {
            var dom = await Chromium.DumpDomAsync(await SignInUrlAsync(path));
            foreach (var text in shows)
                Assert.True(dom.Contains(text, StringComparison.Ordinal), $"{path} should show '{text}':\n{dom[..Math.Min(dom.Length, 3000)]}");
            Assert.Contains("Sign out", dom, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(shots))
            {
                Directory.CreateDirectory(shots);
                var name = path == "/" ? "queue" : path.Trim('/').Replace('/', '-');
                await Chromium.SaveScreenshotAsync(await SignInUrlAsync(path), Path.Combine(shots, name + ".png"));
            }
        }
        Assert.True(open > 0);
    }

    [Fact]
    public async Task Sign_in_is_enforced_in_the_browser_and_a_link_works_once()
    {
        await SeedAsync();
        var link = await SignInUrlAsync("/");

        var anonymous = await Chromium.DumpDomAsync(new Uri(_base, "/tickets/1"));
        var first = await Chromium.DumpDomAsync(link);
        var second = await Chromium.DumpDomAsync(link);

        Assert.Contains("/status dashboard", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Printer is on fire", anonymous, StringComparison.Ordinal);
        Assert.Contains("Printer is on fire", first, StringComparison.Ordinal);
        Assert.Contains("used or has expired", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Printer is on fire", second, StringComparison.Ordinal);
    }

    private async Task<(int Open, int Solved)> SeedAsync()
    {
        // the first ticket's confirmation is refused: the Undelivered page has something to show
        _app.Slack.FailWithError("chat.postMessage", "not_in_channel", where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        var open = await _app.CreateTicketAsync(subject: "Printer is on fire", priority: "Urgent");
        Assert.True(await Eventually.TrueAsync(() => _app.Get<SupportBot.Outbox.OutboxStore>().FailedMessages().Count == 1));
        var solved = await _app.CreateTicketAsync(subject: "Exports are slow");
        var requests = _app.Requests;
        await requests.CommandAsync("/take", solved.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSettings.Engineer);
        _app.Get<TicketStore>().Change(set =>
        {
            var t = set.Find(solved)!;
            t.Notes.Add(new TicketNote { At = set.Now, AuthorId = TestSettings.Engineer, Text = "Index rebuild fixed it" });
            set.Update(t);
            return true;
        });
        await requests.CommandAsync("/status", $"{solved} solved confirmed", TestSettings.Engineer);
        await requests.InteractAsync(Flows.ButtonPayload("csat_good", solved.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TestSettings.Customer, TestSettings.CustomerChannel));
        // the rating's comment modal must be out before the next form opens, or the form flow would take it for its own
        await _app.Slack.WaitForAsync("views.open", c => c.Args["view"]?["callback_id"]?.GetValue<string>() == "csat_comment");
        var mine = await _app.CreateTicketAsync(subject: "Backups fail nightly");
        await requests.CommandAsync("/take", mine.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSettings.Engineer);
        return (open, solved);
    }

    private async Task<Uri> SignInUrlAsync(string next)
    {
        var link = await _app.SignInLinkAsync();
        return new Uri(_base, link + "&next=" + Uri.EscapeDataString(next));
    }

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }
}
