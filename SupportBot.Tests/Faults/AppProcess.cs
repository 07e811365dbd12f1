using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>
/// The real app as its own process (<c>dotnet SupportBot.dll</c> from the test output, where the project reference
/// puts it), configured by environment like the acceptance harness does, on a free loopback port.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the app wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<AppProcess> StartAsync(string dbPath, Uri slackApi, Dictionary<string, string>? settings = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (k, v) in Environment(dbPath, slackApi, settings))
            start.Environment[k] = v;
        var app = new AppProcess(Process.Start(start)!);
        app._process.OutputDataReceived += (_, e) => app.Read(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            // generous: a cold start (JIT, migrations) took over 20 s with the machine busy; a healthy start returns at once
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            app.Dispose(); // a start that failed must not leave the process running after the test
            throw;
        }
        return app;
    }

    /// <summary>
    /// Runs the app until it exits by itself (a start-up refusal); <paramref name="asUser"/> runs it as that uid
    /// through setpriv, for permission checks a root test run would not hit.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dbPath, Dictionary<string, string>? settings = null,
        int? asUser = null, string[]? args = null)
    {
        var dll = typeof(Program).Assembly.Location;
        string[] command = [dll, .. args ?? []];
        var start = asUser is { } uid
            ? new ProcessStartInfo("setpriv", [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", "dotnet", .. command])
            : new ProcessStartInfo("dotnet", command);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        foreach (var (k, v) in Environment(dbPath, new Uri("http://127.0.0.1:9/api/"), settings))
            start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, "still running after 30 s:\n" + await stdout + await stderr);
        }
        return (process.ExitCode, await stderr + await stdout);
    }

    /// <summary>SIGKILL: no graceful shutdown, no disposal, no flush; what was written to the OS survives, nothing else.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGSTOP: the process freezes where it is, its sockets and transactions left open, as a paused VM or container
    /// would; <see cref="Resume"/> (SIGCONT) lets it run on from there.
    /// </summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{name} {Id} exited with {kill.ExitCode}");
    }

    /// <summary>A client for this process; its timeout only ends a request the process will never answer (it was killed).</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private static Dictionary<string, string> Environment(string dbPath, Uri slackApi, Dictionary<string, string>? settings)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["DOTNET_NOLOGO"] = "1",
            ["Slack__BotToken"] = TestSettings.Token,
            ["Slack__SigningSecret"] = TestSettings.Secret,
            ["Slack__ApiBaseUrl"] = slackApi.ToString(),
            ["Slack__SupportChannel"] = TestSettings.SupportChannel,
            ["Slack__SupportTeam__0"] = TestSettings.Engineer,
            ["Slack__SupportTeam__1"] = TestSettings.Engineer2,
            ["Slack__Commands__Status"] = "/status",
            ["ConnectionStrings__LiteDb"] = $"Filename={dbPath}",
            ["Customers__0__Name"] = "Acme Corp",
            ["Customers__0__Channels__0"] = TestSettings.CustomerChannel,
            ["Customers__0__Tier"] = "Enterprise",
            ["Customers__0__Ce"] = TestSettings.Ce,
            ["Sla__TimeZone"] = "UTC",
            ["Scheduling__ScanInterval"] = "00:00:01",
            ["Health__ProbeInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            // the port the app picked is only told in this line
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["SLACK_BOT_TOKEN"] = "",
            ["SLACK_SIGNING_SECRET"] = "",
        };
        foreach (var day in Enum.GetNames<DayOfWeek>())
            env[$"Sla__BusinessHours__{day}"] = "00:00-24:00";
        foreach (var (k, v) in settings ?? [])
            env[k] = v;
        return env;
    }

    private void Read(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (Listening().Match(line) is { Success: true } m)
            _listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cts.Token);
        if (await Task.WhenAny(_listening.Task, exited) != _listening.Task)
            throw new InvalidOperationException($"the app did not start listening:\n{Output}");
        BaseAddress = await _listening.Task;
        using var http = Client();
        while (true)
        {
            cts.Token.ThrowIfCancellationRequested();
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cts.Token);
                if (health.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not accepting yet
            }
            await Task.Delay(20, cts.Token);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
