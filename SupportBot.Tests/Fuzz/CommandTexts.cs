using System.Globalization;
using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>What people type after <c>/take</c> and <c>/status</c>, and what they should never get away with typing.</summary>
public static class CommandTexts
{
    private static readonly string[] Separators = [" ", " ", " ", ",", ", ", "\t", "  ", "\n", " #", ",#"];

    public static string Next(Random random) => random.Next(25) switch
    {
        0 or 1 => FuzzStrings.Pick(random, FuzzStrings.Blank),
        2 => VeryLong(random),
        _ => Compose(random, random.Next(1, 7)),
    };

    private static string Compose(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
                text.Append(FuzzStrings.Pick(random, Separators));
            text.Append(random.Next(20) switch
            {
                < 6 => FuzzStrings.Pick(random, FuzzStrings.Words),
                < 12 => FuzzStrings.Pick(random, FuzzStrings.Numbers),
                < 15 => FuzzStrings.Pick(random, FuzzStrings.Markup),
                < 18 => FuzzStrings.Pick(random, FuzzStrings.Unicode),
                < 19 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
                _ => FuzzStrings.Pick(random, FuzzStrings.Words) + FuzzStrings.Pick(random, FuzzStrings.Markup) + FuzzStrings.Pick(random, FuzzStrings.Unicode),
            });
        }
        return text.ToString();
    }

    private static string VeryLong(Random random) => random.Next(4) switch
    {
        0 => string.Join(' ', Enumerable.Range(1, random.Next(500, 5_000))),
        1 => new string('x', random.Next(4_000, 45_000)),
        2 => string.Concat(Enumerable.Repeat(FuzzStrings.Pick(random, FuzzStrings.Markup), random.Next(100, 2_000))),
        _ => "1 " + FuzzStrings.Long(random, random.Next(4_000, 40_000)),
    };
}
