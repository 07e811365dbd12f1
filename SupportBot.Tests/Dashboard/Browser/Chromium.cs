namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// Where the system's headless Chromium is (Debian's <c>chromium</c>, installed by <c>.ci/run</c>);
/// <see cref="HeadlessChromium"/> drives it through the DevTools protocol.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium is not installed: run .ci/run, or apt-get install -y chromium, or set CHROMIUM_PATH.");
}
