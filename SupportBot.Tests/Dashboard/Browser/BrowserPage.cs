using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>One tab of <see cref="HeadlessChromium"/>: size it, load a page, ask the page, take its picture.</summary>
public sealed class BrowserPage(DevToolsConnection devTools, string targetId, string session) : IAsyncDisposable
{
    public Task<JsonObject> CallAsync(string method, JsonObject? parameters = null) => devTools.CallAsync(method, parameters, session);

    /// <summary>The window's size in CSS pixels; a narrow one behaves as a phone does (the viewport meta tag applies).</summary>
    public Task ResizeAsync(int width, int height) => CallAsync("Emulation.setDeviceMetricsOverride", new()
    {
        ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
    });

    /// <summary>Loads <paramref name="url"/> (redirects followed) and returns once its load event fired.</summary>
    public async Task GoToAsync(Uri url)
    {
        var loaded = devTools.NextEventAsync("Page.loadEventFired", session);
        var navigated = await CallAsync("Page.navigate", new() { ["url"] = url.AbsoluteUri });
        if (navigated["errorText"]?.GetValue<string>() is { Length: > 0 } error)
            throw new InvalidOperationException($"Chromium could not load {url}: {error}");
        await loaded;
    }

    /// <summary>Runs <paramref name="script"/>, which leaves the page (a form it submits), and returns once the next page loaded.</summary>
    public async Task LeaveByAsync(string script)
    {
        var loaded = devTools.NextEventAsync("Page.loadEventFired", session);
        await EvaluateAsync(script);
        await loaded;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var answer = await CallAsync("Runtime.evaluate", new()
        {
            ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true,
        });
        if (answer["exceptionDetails"] is { } thrown)
            throw new InvalidOperationException($"The page threw: {thrown["exception"]?["description"] ?? thrown["text"]}");
        return answer["result"]?["value"];
    }

    public async Task<T> EvaluateAsync<T>(string expression) =>
        (await EvaluateAsync(expression)).Deserialize<T>() ?? throw new InvalidOperationException($"{expression} gave nothing");

    /// <summary>A PNG of the whole page, not only the window.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var shot = await CallAsync("Page.captureScreenshot", new() { ["format"] = "png", ["captureBeyondViewport"] = true });
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync() => await devTools.CallAsync("Target.closeTarget", new() { ["targetId"] = targetId });
}
