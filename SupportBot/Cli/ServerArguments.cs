using SupportBot.Health;

namespace SupportBot.Cli;

/// <summary>
/// Arguments that are not a command go to ASP.NET Core's configuration reader, which silently skips a bare word or a
/// switch without a value: <c>outbx list</c> or <c>--hepl</c> would start a second live bot. What it would skip is
/// refused here; what it reads (<c>--urls http://…</c>, <c>--Key=Value</c>, <c>/Key Value</c>, <c>Key=Value</c>) is
/// left to it, since any key may be a setting.
/// </summary>
public static class ServerArguments
{
    private static readonly string[] Flags = ["--help", HealthProbe.Flag];

    /// <summary>Why the server cannot take these arguments, or null when it can (none, or all configuration).</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && !args[0].StartsWith('-') && !args[0].StartsWith('/') && !args[0].Contains('='))
            return CommandLine.Commands.Contains(args[0]) ? null : $"error: unknown command '{args[0]}'{Suggestion(args[0])}";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal))
                return $"error: unknown option '{arg}'{Suggestion(arg)}"; // the reader skips -x, and throws on -x=1
            if (arg.Contains('='))
                continue;
            if (!arg.StartsWith('-') && !arg.StartsWith('/'))
                return $"error: '{arg}' is neither a command (commands come first) nor the value of a setting";
            // "--key value": the reader takes the next word as the value, even a switch; a switch is not one
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                i++;
            else
                return $"error: unknown option '{arg}' (a setting needs a value: --Key=Value or --Key Value){Suggestion(arg)}";
        }
        return null;
    }

    /// <summary>Prints the problem and the commands; the exit code, or null when the server may start.</summary>
    public static int? Refuse(string[] args)
    {
        if (Problem(args) is not { } problem)
            return null;
        Console.Error.WriteLine(problem);
        var usage = Usage.Text.Split('\n').Select(l => l.TrimEnd('\r'));
        foreach (var line in usage.SkipWhile(l => l != "Usage:").TakeWhile(l => l.Length > 0))
            Console.Error.WriteLine(line);
        return 2;
    }

    private static string Suggestion(string typed)
    {
        var closest = CommandLine.Commands.Concat(Flags).MinBy(known => Distance(typed, known))!;
        return Distance(typed, closest) <= 2 ? $"; did you mean {closest}?" : "";
    }

    /// <summary>Levenshtein distance: a swapped or missing letter or two is a typo worth naming.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
