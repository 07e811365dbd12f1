using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SupportBot.Benchmarks;

/// <summary>
/// The app as its own process (<c>dotnet SupportBot.dll</c>, which the project reference puts beside the runner) on a
/// free loopback port, configured by environment as a deployment would be; killed on dispose.
/// </summary>
public sealed partial class BenchProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static async Task<BenchProcess> StartAsync(Dictionary<string, string> settings)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // the port is only told there
        foreach (var (k, v) in settings)
            start.Environment[k] = v;
        var app = new BenchProcess(Process.Start(start)!);
        app._process.OutputDataReceived += (_, e) => app.Read(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            while (!(await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                await Task.Delay(50);
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    private void Read(string? line)
    {
        if (line is not null && Listening().Match(line) is { Success: true } m)
            _listening.TrySetResult(new Uri(m.Groups[1].Value));
        else if (line is not null && line.Contains("fail:", StringComparison.Ordinal))
            Console.Error.WriteLine($"  [app {_process.Id}] {line}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
