using Microsoft.Extensions.Logging;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// The shipped status command is /ticket: Slack reserves /status and refuses a manifest that registers it. Every help
/// text names the configured command.
/// </summary>
public sealed class DefaultCommandTests() : AppTest(new() { ["Slack:Commands:Status"] = null })
{
    [Fact]
    public async Task The_default_status_command_is_ticket_and_its_answers_name_it()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/ticket", $"{N(number)} solved confirmed");

        var help = await CommandAsync("/ticket", "help");
        var wrongWord = await CommandAsync("/ticket", $"{N(number)} finished");
        var takeSolved = await CommandAsync("/take", N(number));
        var old = await CommandAsync("/status", "help");

        Assert.Contains("`/ticket 12`", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/status", help.Text, StringComparison.Ordinal);
        Assert.Contains($"/ticket {N(number)} pending", wrongWord.Text, StringComparison.Ordinal);
        Assert.Contains($"`/ticket {N(number)} open`", takeSolved.Text, StringComparison.Ordinal);
        Assert.Contains("I don't know the command /status", old.Text, StringComparison.Ordinal);
        Assert.Contains("/ticket", old.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Home_tab_the_dashboard_and_a_takes_context_name_the_configured_command()
    {
        var app = new SupportBotApp(new() { ["Slack:Commands:Status"] = null, ["Dashboard:PublicUrl"] = "https://support.example.com" });
        try
        {
            await app.SearchReadyAsync();
            var old = await app.CreateTicketAsync("Search times out on the monorepo", "Every search on the 40GB monorepo times out");
            await app.Requests.CommandAsync("/ticket", $"{N(old)} solved security https://github.com/acme/security/issues/7 patched", TestSettings.Engineer);
            var fresh = await app.CreateTicketAsync("Monorepo search timing out", "Searches on the monorepo time out");

            app.SearchCaughtUp();
            var take = (await app.Requests.CommandAsync("/take", N(fresh), TestSettings.Engineer)).Text;
            await app.Requests.EventAsync(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "app_home_opened", ["user"] = TestSettings.Engineer, ["channel"] = "D_HOME", ["tab"] = "home", ["event_ts"] = "1.1",
            });
            var home = (await app.Slack.WaitForAsync("views.publish"))[^1].Text;
            var client = app.CreateClient(new() { AllowAutoRedirect = false });
            var anonymous = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
            var usedLink = await (await client.GetAsync("/signin?token=not-a-token")).Content.ReadAsStringAsync();

            Assert.Contains($"(private link in `/ticket {N(old)}`)", take, StringComparison.Ordinal);
            Assert.Contains("`/ticket dashboard`", home, StringComparison.Ordinal);
            Assert.Contains("<code>/ticket dashboard</code>", anonymous, StringComparison.Ordinal);
            Assert.Contains("<code>/ticket dashboard</code>", usedLink, StringComparison.Ordinal);
            Assert.DoesNotContain("/status", take + home + anonymous + usedLink, StringComparison.Ordinal);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }

    [Fact]
    public void A_default_name_is_not_reserved_so_start_up_warns_about_nothing()
    {
        _ = App.Services;
        Assert.DoesNotContain(App.Logs.Lines, l => l.Message.Contains("reserves", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reserved_name_gets_a_warning_at_start_naming_the_setting()
    {
        using var app = new SupportBotApp(new() { ["Slack:Commands:Status"] = "/status", ["Slack:Commands:Take"] = "/who" });
        try
        {
            _ = app.Services;
            var warnings = app.Logs.At(LogLevel.Warning);
            Assert.Contains(warnings, w => w.Contains("Slack:Commands:Status is /status", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.Contains("Slack:Commands:Take is /who", StringComparison.Ordinal));
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public void The_shipped_settings_and_manifests_register_ticket_with_escaping_on()
    {
        var root = RepoRoot();
        var settings = File.ReadAllText(Path.Combine(root, "SupportBot", "appsettings.json"));
        Assert.Contains("\"Status\": \"/ticket\"", settings, StringComparison.Ordinal);
        foreach (var manifest in new[] { "slack-app-manifest.yml", "slack-app-manifest.socket.yml" })
        {
            var text = File.ReadAllText(Path.Combine(root, manifest));
            Assert.Contains("- command: /ticket", text, StringComparison.Ordinal);
            Assert.Contains("- command: /take", text, StringComparison.Ordinal);
            Assert.DoesNotContain("command: /status", text, StringComparison.Ordinal);
            Assert.Equal(2, text.Split("should_escape: true").Length - 1);
            Assert.DoesNotContain("im:write", text, StringComparison.Ordinal);
        }
        var socket = File.ReadAllText(Path.Combine(root, "slack-app-manifest.socket.yml"));
        Assert.Contains("socket_mode_enabled: true", socket, StringComparison.Ordinal);
        Assert.DoesNotContain("YOUR-HOST", socket, StringComparison.Ordinal);
    }

    [Fact]
    public void The_socket_mode_manifest_registers_what_the_http_one_does()
    {
        var root = RepoRoot();
        var http = ManifestApp(File.ReadAllText(Path.Combine(root, "slack-app-manifest.yml")));
        var socket = ManifestApp(File.ReadAllText(Path.Combine(root, "slack-app-manifest.socket.yml")));

        Assert.Equal(http, socket);
        Assert.Contains("app_home_opened", http, StringComparison.Ordinal);
        Assert.Contains("home_tab_enabled: true", http, StringComparison.Ordinal);
    }

    /// <summary>The app a manifest registers, without its comments, request URLs and transport switch.</summary>
    private static string ManifestApp(string manifest) => string.Join("\n", manifest.Split('\n').Select(l => l.TrimEnd())
        .Where(l => !l.StartsWith('#') && !l.Contains("url:", StringComparison.Ordinal) && !l.Contains("socket_mode_enabled", StringComparison.Ordinal)));

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SupportBot.sln not found above the test binaries");
    }
}
