using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>"--name value" options with defaults.</summary>
public sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The value after <c>--name</c>, or null when the option is not given.</summary>
    public string? Text(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary><c>--postgres "Host=…;Username=…"</c>: a PostgreSQL server to measure on instead of a LiteDB file.</summary>
    public string? Postgres => Text("postgres");

    public string Text(string name, string fallback) => Text(name) ?? fallback;
}
