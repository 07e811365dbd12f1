using System.Text.RegularExpressions;
using SupportBot.Cli;
using SupportBot.Tests.Tickets;

namespace SupportBot.Tests.Cli;

/// <summary>docs/settings.md says <c>--help</c> lists every setting: each key of its settings table is in the usage text.</summary>
public sealed partial class UsageTests
{
    [Fact]
    public void Help_names_every_setting_of_the_settings_page_table()
    {
        var page = File.ReadAllLines(Path.Combine(DefaultCommandTests.RepoRoot(), "docs", "settings.md"));
        var table = page.SkipWhile(l => l != "# Settings").TakeWhile(l => !l.StartsWith("Durations", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal));
        var keys = table.SelectMany(l => Key().Matches(l.Split(" | ")[0]).Select(m => m.Groups[1].Value)).ToList();
        var usage = Usage.Text.Split('\n');

        Assert.True(keys.Count > 40, $"only {keys.Count} keys read from docs/settings.md");
        var missing = keys.Where(k => !Listed(usage, k)).ToList();
        Assert.True(missing.Count == 0, "--help does not name: " + string.Join(", ", missing));
    }

    /// <summary><c>Outbox:PerChannelBurst</c> is listed by a line naming <c>Outbox:</c> and <c>PerChannelBurst</c>.</summary>
    private static bool Listed(string[] usage, string key)
    {
        var segments = key.Split('<')[0].Split('\\')[0].Split(':', StringSplitOptions.RemoveEmptyEntries);
        return usage.Any(l => l.Contains(segments[0] + ":", StringComparison.Ordinal) && l.Contains(segments[^1], StringComparison.Ordinal));
    }

    // a backticked key with a section: `Slack:BotToken`, `Sla:FirstResponse:Urgent\|High`, `Email:Mailboxes:<n>:Name\|Host`
    [GeneratedRegex(@"`([A-Za-z]+:[^`]*)`")]
    private static partial Regex Key();
}
