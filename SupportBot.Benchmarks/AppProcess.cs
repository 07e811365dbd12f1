using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>
/// The app as its own process (as deployed) over one LiteDB file: started, waited for, measured through
/// <c>/proc</c> and <c>/metrics</c>, killed.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Stopwatch _clock;

    private AppProcess(Process process, Stopwatch clock, int port)
    {
        (_process, _clock) = (process, clock);
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Starts the app over <paramref name="db"/> with the benchmark's settings plus <paramref name="extra"/>.</summary>
    public static AppProcess Start(string db, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SupportBot.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        var settings = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = "xoxb-bench", ["Slack__SigningSecret"] = BenchApp.Secret,
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/", ["Slack__SupportChannel"] = "C_SUPPORT",
            ["Slack__SupportTeam__0"] = BenchApp.Engineer, ["ConnectionStrings__LiteDb"] = $"Filename={db}",
            ["Logging__LogLevel__Default"] = "Warning", ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (k, v) in settings.Concat(extra ?? new Dictionary<string, string>()))
            info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        return new AppProcess(Process.Start(info)!, clock, port);
    }

    /// <summary>Waits for GET /health 200; the time from process start.</summary>
    public async Task<TimeSpan> HealthyAsync(TimeSpan within)
    {
        while (true)
        {
            try
            {
                using var r = await _http.GetAsync(new Uri(BaseAddress, "health"));
                if (r.IsSuccessStatusCode)
                    return _clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (_clock.Elapsed > within || _process.HasExited)
                throw new InvalidOperationException("the app did not become healthy: " + string.Join('\n', _output.TakeLast(20)));
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the app has written a line containing <paramref name="text"/>.</summary>
    public async Task<TimeSpan> LoggedAsync(string text, TimeSpan within)
    {
        var until = _clock.Elapsed + within;
        while (!_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_clock.Elapsed > until || _process.HasExited)
                throw new InvalidOperationException($"the app did not log '{text}': " + string.Join('\n', _output.TakeLast(20)));
            await Task.Delay(50);
        }
        return _clock.Elapsed;
    }

    /// <summary>Resident set now and at its peak, in MB.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Kb(string key) => double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
    }

    /// <summary>The sum of a <c>/metrics</c> series (all its label sets), or NaN when it is absent.</summary>
    public async Task<double> MetricAsync(string name)
    {
        var text = await _http.GetStringAsync(new Uri(BaseAddress, "metrics"));
        var values = text.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? double.NaN : values.Sum();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 2000)
            _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
