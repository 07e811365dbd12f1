using System.Runtime.InteropServices;

namespace SupportBot.Benchmarks;

public static class Report
{
    /// <summary>The machine, and its load average as <c>uptime</c> shows it: on a shared machine the figures mean little without it.</summary>
    public static void Machine() =>
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, load average {Load()}");

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static void Table(string title, IEnumerable<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Machine();
        Console.WriteLine($"| {"request",-18} | {"conns",5} | {"req/s",9} | {"p50 ms",7} | {"p99 ms",7} | {"errors",6} | {"cpu ms/req",10} | {"KB/req",8} |");
        Console.WriteLine($"|{new string('-', 20)}|{new string('-', 7)}|{new string('-', 11)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 8)}|{new string('-', 12)}|{new string('-', 10)}|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name,-18} | {r.Connections,5} | {r.RequestsPerSecond,9:F0} | {r.P50Ms,7:F2} | {r.P99Ms,7:F2} | {r.Errors,6} | {r.CpuMsPerRequest,10:F3} | {r.AllocatedKbPerRequest,8:F1} |");
        Console.WriteLine("cpu ms/req and KB/req: this process's CPU time and managed allocations per request (the client's included; with");
        Console.WriteLine("the app in other processes, the client's only)");
    }
}
