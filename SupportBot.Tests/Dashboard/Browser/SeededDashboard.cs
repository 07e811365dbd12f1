using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Csat;
using SupportBot.Csat.Links;
using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// The app on Kestrel with a dashboard worth looking at (seven customers, one named with a right-to-left override,
/// a 2,500-character word, an undelivered message, a 45-minute first response, a rating) and one headless
/// Chromium signed in to it: started once for a whole test class.
/// </summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    /// <summary>U+202E RIGHT-TO-LEFT OVERRIDE: everything after it in its paragraph is drawn backwards unless isolated.</summary>
    public const string RtlCustomer = "Evil\u202E Corp";

    public const string RtlTier = "Gold";

    public static readonly string LongWord = "Stacktrace" + new string('x', 2490);

    private static readonly string[] OtherCustomers = ["Globex", "Initech", "Umbrella", "Hooli", "Soylent"];

    public SupportBotApp App { get; } = new(Settings());

    public HeadlessChromium Browser { get; private set; } = null!;

    /// <summary>Each page by name, as the tests list them.</summary>
    public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);

    public Uri Base { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Base = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        var starting = HeadlessChromium.StartAsync();
        await SeedAsync();
        Browser = await starting;
        await using var page = await Browser.OpenPageAsync();
        // one sign-in for the browser: every tab shares its cookie
        await page.GoToAsync(new Uri(Base, await App.SignInLinkAsync()));
    }

    private async Task SeedAsync()
    {
        var intake = App.Get<TicketIntake>();
        // the Acme confirmation is refused: the Undelivered page has something to show
        App.Slack.FailWithError("chat.postMessage", "not_in_channel", where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        intake.Create(TestSettings.Draft("Printer is on fire") with { Priority = Priority.Urgent });
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 1));
        var evil = intake.Create(new TicketDraft("Exports are slow", $"The log says {LongWord} and stops.", Priority.High,
            TestSettings.Customer, "C_EVIL", TicketSource.RequestForm)).Number;
        foreach (var (name, i) in OtherCustomers.Select((n, i) => (n, i)))
            intake.Create(new TicketDraft($"{name} cannot sign in", "details", Priority.Normal, TestSettings.Customer, $"C_OTHER{i}", TicketSource.RequestForm));
        var requests = App.Requests;
        var number = evil.ToString(CultureInfo.InvariantCulture);
        await requests.CommandAsync("/take", number, TestSettings.Engineer);
        await requests.CommandAsync("/status", $"{number} note {LongWord}", TestSettings.Engineer);
        App.Time.Advance(TimeSpan.FromMinutes(45)); // a first response under an hour: shown in minutes
        await requests.CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer);
        var rated = intake.Create(TestSettings.Draft("Backups fail nightly")).Number;
        await requests.CommandAsync("/take", rated.ToString(CultureInfo.InvariantCulture), TestSettings.Engineer); // Mine has a row
        Paths["queue"] = "/";
        Paths["mine"] = "/mine";
        Paths["team"] = "/team";
        Paths["customers"] = "/customers";
        Paths["reports"] = "/reports";
        Paths["ticket"] = $"/tickets/{number}";
        Paths["undelivered"] = "/undelivered";
        Paths["csat"] = "/csat/" + Uri.EscapeDataString(App.Get<CsatLinkSigner>().Issue(rated, CsatRating.Good));
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:PublicUrl"] = "http://127.0.0.1",
            ["Customers:1:Name"] = RtlCustomer, ["Customers:1:Channels:0"] = "C_EVIL", ["Customers:1:Tier"] = RtlTier,
        };
        foreach (var (name, i) in OtherCustomers.Select((n, i) => (n, i)))
        {
            settings[$"Customers:{i + 2}:Name"] = name;
            settings[$"Customers:{i + 2}:Channels:0"] = $"C_OTHER{i}";
        }
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        App.Dispose();
        App.DeleteDatabase();
    }
}
