using System.Text.Json.Nodes;
using SupportBot.Tests.Tickets;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// axe-core (npm, pinned in package.json beside this file; the test project's build runs <c>npm ci</c> when it is
/// missing), injected into a loaded page through DevTools, which the page's <c>script-src 'none'</c> does not govern.
/// </summary>
public static class AxeCore
{
    private static readonly Lazy<string> Source = new(Load);

    /// <summary>Where the build puts axe.min.js.</summary>
    public static string ScriptPath =>
        Path.Combine(DefaultCommandTests.RepoRoot(), "SupportBot.Tests", "Dashboard", "Browser", "node_modules", "axe-core", "axe.min.js");

    /// <summary>axe's violations on the loaded page, one line per rule and element ("" when there are none).</summary>
    public static async Task<string> ViolationsAsync(BrowserPage page)
    {
        if (await page.EvaluateAsync<bool>("typeof axe === 'undefined'"))
            await page.EvaluateAsync(Source.Value + ";true");
        var violations = (await page.EvaluateAsync("""
            axe.run(document).then(r => r.violations.flatMap(v => v.nodes.map(n =>
                `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ')}`)))
            """))!.AsArray();
        return string.Join('\n', violations.Select(v => v!.GetValue<string>()));
    }

    private static string Load()
    {
        var path = ScriptPath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"axe-core is not installed at {path}: the test project's build runs `npm ci` in {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} " +
                "when node and npm are on the PATH (apt-get install -y npm), or run it there yourself.");
        return File.ReadAllText(path);
    }
}
