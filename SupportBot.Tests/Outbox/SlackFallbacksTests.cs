using System.Text.Json.Nodes;
using SupportBot.Outbox;

namespace SupportBot.Tests.Outbox;

public sealed class SlackFallbacksTests
{
    [Fact]
    public void A_message_too_long_is_cut_at_a_grapheme_boundary_under_the_limit_with_a_pointer()
    {
        var coder = "👩‍💻"; // five UTF-16 units: a cut inside it would leave half a person
        var args = new JsonObject { ["channel"] = "C1", ["text"] = string.Concat(Enumerable.Repeat(coder, 10_000)) };

        var text = SlackFallbacks.PlainText(args, "https://bot.example/tickets/7")["text"]!.GetValue<string>();

        Assert.True(text.Length <= SlackFallbacks.MaxText);
        var kept = text[..text.IndexOf('\n', StringComparison.Ordinal)];
        Assert.Equal(0, kept.Length % coder.Length);
        Assert.EndsWith(coder, kept, StringComparison.Ordinal);
        Assert.Contains("<https://bot.example/tickets/7|dashboard>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_become_their_readable_text_without_button_labels()
    {
        var args = JsonNode.Parse("""
            {"channel":"C1","text":"fallback","blocks":[
              {"type":"header","text":{"type":"plain_text","text":"#7 Search times out"}},
              {"type":"section","text":{"type":"mrkdwn","text":"Acme Corp"},"fields":[{"type":"mrkdwn","text":"*Priority* High"}]},
              {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Take"}}]},
              {"type":"context","elements":[{"type":"mrkdwn","text":"via the request form"}]}]}
            """)!.AsObject();

        var plain = SlackFallbacks.PlainText(args, null);

        Assert.Null(plain["blocks"]);
        Assert.Equal("#7 Search times out\nAcme Corp\n*Priority* High\nvia the request form", plain["text"]!.GetValue<string>().ReplaceLineEndings("\n"));
        Assert.Equal("C1", plain["channel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("chat.postMessage", "msg_too_long", true)]
    [InlineData("chat.update", "invalid_blocks", true)]
    [InlineData("chat.postMessage", "not_in_channel", false)]
    [InlineData("views.open", "invalid_blocks", false)]
    public void Only_a_posts_shape_has_a_fallback(string method, string error, bool applies) =>
        Assert.Equal(applies, SlackFallbacks.Applies(method, error));
}
