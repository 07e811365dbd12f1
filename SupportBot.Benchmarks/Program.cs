using SupportBot.Benchmarks;

// One benchmark per mode: `dotnet run -c Release --project SupportBot.Benchmarks -- sweep [--tickets N] [--due N] [--runs N] [--warmup N]`.
return args.FirstOrDefault() switch
{
    "sweep" => await SweepBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: SupportBot.Benchmarks <mode> [options]
          sweep [--tickets 100000] [--due 1000] [--runs 5] [--warmup 3]
                one pass of each SLA job over a LiteDB file of N tickets, of which --due are due for each job
        """);
    return 1;
}
