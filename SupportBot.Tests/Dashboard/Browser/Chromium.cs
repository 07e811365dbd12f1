using System.Diagnostics;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// The system's headless Chromium (Debian's <c>chromium</c>, installed by <c>.ci/run</c>), driven by its own
/// command line: <c>--dump-dom</c> prints the page after it loaded (redirects followed, cookies kept within the
/// run), <c>--screenshot</c> saves what it looks like. Each run has a fresh profile, so no session carries over.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium is not installed: run .ci/run, or apt-get install -y chromium, or set CHROMIUM_PATH.");

    public static Task<string> DumpDomAsync(Uri url) => RunAsync(url, "--dump-dom");

    public static async Task SaveScreenshotAsync(Uri url, string file)
    {
        await RunAsync(url, $"--screenshot={file}", "--window-size=1366,900", "--hide-scrollbars");
        Assert.True(File.Exists(file), $"Chromium wrote no screenshot of {url}");
    }

    private static async Task<string> RunAsync(Uri url, params string[] mode)
    {
        var profile = Directory.CreateTempSubdirectory("supportbot-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking", $"--user-data-dir={profile.FullName}", .. mode, url.AbsoluteUri])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
