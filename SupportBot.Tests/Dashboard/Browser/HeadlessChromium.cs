using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// One headless Chromium process driven over the DevTools protocol, for tests that need more than the page's DOM
/// (its width, screenshots at a given size, axe-core's verdict). A fresh profile, deleted at the end.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private const string Listening = "DevTools listening on ";

    private readonly Process _process;
    private readonly DirectoryInfo _profile;

    private HeadlessChromium(Process process, DirectoryInfo profile, DevToolsConnection devTools)
    {
        _process = process;
        _profile = profile;
        DevTools = devTools;
    }

    public DevToolsConnection DevTools { get; }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("supportbot-chromium-");
        var start = new ProcessStartInfo(Chromium.Executable) { RedirectStandardError = true, UseShellExecute = false };
        // port 0: Chromium picks a free port and says which on stderr
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking", "--hide-scrollbars", "--remote-debugging-port=0",
                     $"--user-data-dir={profile.FullName}", "about:blank"])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var said = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
                endpoint.TrySetException(new InvalidOperationException($"Chromium exited before it listened for DevTools:\n{said}"));
            else if (line.Data.StartsWith(Listening, StringComparison.Ordinal))
                endpoint.TrySetResult(new Uri(line.Data[Listening.Length..].Trim()));
            else
                said.AppendLine(line.Data);
        };
        process.BeginErrorReadLine();
        var devTools = await DevToolsConnection.OpenAsync(await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        return new HeadlessChromium(process, profile, devTools);
    }

    /// <summary>A new tab, attached in flat mode, its page events on.</summary>
    /// <param name="signedOut">In a browser context of its own (like a private window): none of the other tabs' cookies.</param>
    public async Task<BrowserPage> OpenPageAsync(bool signedOut = false)
    {
        var create = new System.Text.Json.Nodes.JsonObject { ["url"] = "about:blank" };
        if (signedOut)
            create["browserContextId"] = (await DevTools.CallAsync("Target.createBrowserContext"))["browserContextId"]!.GetValue<string>();
        var target = await DevTools.CallAsync("Target.createTarget", create);
        var id = target["targetId"]!.GetValue<string>();
        var attached = await DevTools.CallAsync("Target.attachToTarget", new() { ["targetId"] = id, ["flatten"] = true });
        var page = new BrowserPage(DevTools, id, attached["sessionId"]!.GetValue<string>());
        await page.CallAsync("Page.enable");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DevTools.CallAsync("Browser.close");
        }
        catch (InvalidOperationException)
        {
            // already gone: the kill below makes sure
        }
        await DevTools.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a helper process may still hold a file for a moment; the folder is in the temp dir
        }
    }
}
