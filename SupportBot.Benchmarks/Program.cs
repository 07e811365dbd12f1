namespace SupportBot.Benchmarks;

/// <summary>
/// One benchmark per mode: <c>dotnet run -c Release --project SupportBot.Benchmarks -- MODE</c>.
/// Not top-level statements: that would declare a second <c>Program</c> beside the app's.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() is "http" or "intake" or "replicas")
            LoadRun.WarmUp = TimeSpan.FromSeconds(new BenchArgs(args).Int("warmup", 5));
        // nine load runs in one: a shorter warm-up each keeps the whole under ~3 minutes (each store's first level
        // warms its processes' JIT, the later levels run on warm code)
        if (args.FirstOrDefault() is "compare")
            LoadRun.WarmUp = TimeSpan.FromSeconds(new BenchArgs(args).Int("warmup", 3));
        return await RunAsync(args);
    }

    private static async Task<int> RunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "sweep" => await SweepBenchmark.RunAsync(args[1..]),
        "http" => await HttpBenchmark.RunAsync(args),
        "startup" => await StartupBenchmark.RunAsync(args),
        "memory" => await MemoryBenchmark.RunAsync(args[1..]),
        "search" => await SearchBenchmark.RunAsync(args[1..]),
        "similarity" => await SimilarityBenchmark.RunAsync(args[1..]),
        "intake" => await IntakeBenchmark.RunAsync(args),
        "reports" => await ReportsBenchmark.RunAsync(args[1..]),
        "replicas" => await ReplicasBenchmark.RunAsync(args[1..]),
        "compare" => await CompareBenchmark.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: SupportBot.Benchmarks <mode> [options]
              sweep [--tickets 100000] [--due 1000] [--runs 5] [--warmup 3] [--postgres <conn>]
                    one pass of each SLA job over a store of N tickets, of which --due are due for each job
              http [seconds] [--connections N] [--warmup 5] [--postgres <conn>]
                                   signed /status and view_submission vs GET /health at 1, 16, 64 connections
              replicas [--replicas 1] [--connections 64] [--seconds 5] [--postgres <conn>]
                                   form submissions/s through N app processes on one database (2+ need PostgreSQL)
            --postgres <conn>: a PostgreSQL server (superuser; each run creates and drops a database of its own)
                               instead of a LiteDB file
              compare [--seconds 4] [--warmup 3] [--connections 1,16,64] [--sweeps [--tickets 100000] [--due 1000]] [--postgres <conn>]
                                   form submissions on LiteDB vs PostgreSQL with 1 and 2 replicas, on a throwaway
                                   PostgreSQL 15 (fsync on) it starts and deletes; --sweeps adds the SLA jobs on both
              startup [tickets]    process start to /health 200, and idle working set, with N tickets stored
              memory [--tickets 100000] [--file PATH] [--runs 3] [--idle 5]
                                   resident set and managed heap at /health, once search and dashboard data are loaded, idle
              search [--tickets 100000] [--queries 2000]
                                   search index rebuilt from a store of N tickets; search and similar p50/p99; memory
              similarity [--tickets 100000] [--queries 1000]
                                   the labelled pairs' hit@3 for BM25 vs hybrid; embedding ms/ticket; vectors at N tickets
              intake [seconds]     signed Standard Webhooks and OpsGenie deliveries (each a new ticket) at 1 and 16 connections
              reports [--tickets 100000] [--runs 7] [--warmup 3]
                                   the dashboard's Reports page (and Queue, CSV) over N tickets spread over a year
            """);
        return 1;
    }
}
