using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>"--name value" options with defaults.</summary>
public sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string Text(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
