using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>Strings that break naive code: markup, numbers at the edges, Unicode oddities, control characters.</summary>
public static class FuzzStrings
{
    /// <summary>Replaced by a lone UTF-16 surrogate escape once the JSON is serialized (a JsonNode cannot hold one).</summary>
    public const string LoneSurrogateMarker = "__LONE_SURROGATE__";

    /// <summary>Slack markup a user could type to ping or fool people; the bot must never echo it raw.</summary>
    public static readonly string[] Markup =
    [
        "<!channel>", "<!here>", "<!everyone>", "<@U_FUZZ>", "<@U_FUZZ|bob>", "<#C_FUZZ|general>", "<!subteam^S_FUZZ>",
        "<https://evil.example|click me>", "<mailto:x@evil.example>", "<!date^1392734382^{date}|x>",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "1", "2", "3", "#1", "##2", "#", "007", "2147483647", "2147483648", "-2147483648", "99999999999",
        "1e3", "0x10", "1.5", "１", "١", "1,2", "#1,#2", "1 2 3", "9223372036854775808",
    ];

    public static readonly string[] Unicode =
    [
        "\u202Eevil\u202C", "مرحبا", "שלום", "🎫", "👩‍💻", "🏳️‍🌈", "e\u0301", "Z\u0338\u0322\u034E\u0308", "\u200B", "\u200D",
        "\uFEFF", "\u00A0", "\u3000", "ǅ", "İ", "ß", "𝓉𝒶𝓀ℯ", "\u0000", "\u0007", "\u001B[31m",
    ];

    public static readonly string[] Blank = ["", " ", "\t", "\n", "  \n\t ", "\r\n"];

    public static readonly string[] Words =
    [
        "take", "all", "force", "over", "--force", "help", "setup", "open", "pending", "on", "hold", "on-hold", "solved",
        "closed", "new", "status", "ALL", "Force", "please", "the", "ticket", "null", "undefined", "true", "NaN",
        "'; DROP TABLE tickets;--", "$where", "{\"$gt\":\"\"}", "%s%s%n", "{0}", "../../etc/passwd", "&amp;", "&lt;", "*bold*",
        "`code`", "```", "_it_", "~x~", ">quote",
    ];

    public static T Pick<T>(Random random, T[] pool) => pool[random.Next(pool.Length)];

    /// <summary>Any of the above, or something long.</summary>
    public static string Any(Random random) => random.Next(12) switch
    {
        0 => Pick(random, Markup),
        1 or 2 => Pick(random, Numbers),
        3 or 4 => Pick(random, Unicode),
        5 => Pick(random, Blank),
        6 => LoneSurrogateMarker,
        7 => Long(random, random.Next(1_000, 20_000)),
        _ => Pick(random, Words),
    };

    public static string Long(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
            text.Append(Pick(random, random.Next(4) == 0 ? Unicode : Words)).Append(' ');
        return text.ToString();
    }
}
