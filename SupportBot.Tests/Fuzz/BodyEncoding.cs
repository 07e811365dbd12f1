using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>Bodies in the wrong encoding or with bytes no encoder would write.</summary>
public static class BodyEncoding
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
    ];

    public static (string Kind, byte[] Body) Mutate(Random random, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        switch (random.Next(7))
        {
            case 0:
                return ("invalid-utf8", Insert(utf8, random.Next(utf8.Length + 1), FuzzStrings.Pick(random, InvalidUtf8)));
            case 1:
                var utf16 = FuzzStrings.Pick(random, new Encoding[] { new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UnicodeEncoding(false, false), new UTF32Encoding(false, true) });
                return ("utf16-or-32", [.. utf16.GetPreamble(), .. utf16.GetBytes(text)]);
            case 2:
                var withNul = utf8;
                for (var n = random.Next(1, 4); n > 0; n--)
                    withNul = Insert(withNul, random.Next(withNul.Length + 1), [0]);
                return ("nul-bytes", withNul);
            case 3:
                return ("latin1", Encoding.Latin1.GetBytes(text + " café ñ"));
            case 4:
                return ("utf8-bom", [0xEF, 0xBB, 0xBF, .. utf8]);
            case 5:
                return ("truncated-bytes", utf8[..random.Next(utf8.Length + 1)]);
            default:
                return ("random-bytes", RandomBytes(random, random.Next(0, 4096)));
        }
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body.AsSpan(0, at), .. bytes, .. body.AsSpan(at)];
}

/// <summary>Content-Type headers: the right one, the other endpoint's, and nonsense.</summary>
public static class ContentTypes
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string Json = "application/json";

    private static readonly string?[] Wrong =
    [
        null, "text/plain", "application/octet-stream", "multipart/form-data; boundary=xyz", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded; charset=iso-8859-1", "///;;;", "", "application/xml", "text/html; charset=\"", "*/*",
    ];

    /// <summary>Mostly the right type (so bodies reach the parsers), sometimes the other one, missing or garbage.</summary>
    public static string? For(Random random, string right) => random.Next(10) switch
    {
        < 6 => right,
        6 => right == Form ? Json : Form,
        _ => FuzzStrings.Pick(random, Wrong),
    };
}
