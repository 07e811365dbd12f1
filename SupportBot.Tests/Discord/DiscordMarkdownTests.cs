using SupportBot.Discord.Outgoing;
using SupportBot.Discord.Rest;

namespace SupportBot.Tests.Discord;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("*bold* _it_ ~~s~~ `c` ||spoiler||", @"\*bold\* \_it\_ \~\~s\~\~ \`c\` \|\|spoiler\|\|")]
    [InlineData("# heading\n- item\n> quote", "\\# heading\n\\- item\n\\> quote")]
    [InlineData("see https://x.example/a_b*c and [x](y)", @"see https://x.example/a_b*c and \[x\](y)")]
    [InlineData("a back\\slash and <@123>", @"a back\\slash and \<@123\>")]
    public void Markdown_is_shown_literally_and_links_stay_whole(string text, string escaped) =>
        Assert.Equal(escaped, DiscordMarkdown.Escape(text));

    [Fact]
    public void A_long_text_is_cut_to_2000_characters_at_a_grapheme_boundary_without_splitting_an_escape()
    {
        var text = new string('a', 1990) + "👩‍💻" + new string('_', 50);
        var content = DiscordMarkdown.Content(text);
        Assert.True(content.Length <= DiscordMarkdown.MaxContent, $"{content.Length}");
        Assert.EndsWith("…", content, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(content[^2]), "cut inside an emoji");
        Assert.False(content[..^1].EndsWith('\\'), "cut between an escape and its character");
    }

    [Theory]
    [InlineData("POST", "channels/123/messages/456/threads", "POST /channels/123/messages/{id}/threads")]
    [InlineData("POST", "/channels/123/messages", "POST /channels/123/messages")]
    [InlineData("GET", "users/@me", "GET /users/@me")]
    public void A_route_keeps_its_channel_and_generalises_other_ids(string method, string path, string key) =>
        Assert.Equal(key, DiscordRoute.Key(new HttpMethod(method), path));
}
