using System.Globalization;
using System.Text;
using SupportBot.Slack;

namespace SupportBot.Tests.Slack;

/// <summary>Every cut of user text ends on a grapheme boundary: whatever sits at the cut, the result is whole text.</summary>
public sealed class GraphemeCutTests
{
    /// <summary>A surrogate pair, a ZWJ sequence, a skin tone, a flag, a keycap, and a letter with a combining accent.</summary>
    public static readonly TheoryData<string> Clusters = new() { "🙂", "👩‍💻", "👍🏽", "🇳🇱", "1️⃣", "e\u0301" };

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [MemberData(nameof(Clusters))]
    public void A_cut_at_every_position_around_a_cluster_keeps_whole_text(string cluster)
    {
        for (var at = 0; at < 12; at++)
        {
            var text = new string('a', at) + cluster + "tail" + cluster;
            for (var max = 0; max <= text.Length + 1; max++)
            {
                var cut = SlackText.Cut(text, max);
                Assert.True(cut.Length <= max, $"{cut.Length} > {max}");
                Assert.StartsWith(cut, text, StringComparison.Ordinal);
                Assert.Contains(cut.Length, Boundaries(text));
                _ = Strict.GetBytes(cut); // throws on half a surrogate pair
                var shortened = SlackText.Shorten(text, Math.Max(1, max));
                Assert.True(shortened.Length <= Math.Max(1, max));
                _ = Strict.GetBytes(shortened);
            }
        }
    }

    [Fact]
    public void Quote_and_first_line_cut_before_a_cluster_they_cannot_hold_whole()
    {
        var text = new string('a', 118) + "👩‍💻 and more";

        Assert.Equal(new string('a', 118) + "…", SlackText.FirstLine(text, 120));
        Assert.Equal(new string('a', 79) + "…", SlackText.Quote(new string('a', 79) + "🙂🙂", 80));
        Assert.Equal(text[..118] + "👩‍💻…", SlackText.FirstLine(text, 124));
    }

    private static HashSet<int> Boundaries(string text)
    {
        var set = new HashSet<int>(StringInfo.ParseCombiningCharacters(text)) { text.Length };
        return set;
    }
}
