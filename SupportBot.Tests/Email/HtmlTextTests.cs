using SupportBot.Email;

namespace SupportBot.Tests.Email;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>See <a href=\"https://acme.test/notes\">the notes</a></p>", "See the notes (https://acme.test/notes)")]
    [InlineData("<p><a href=\"https://acme.test/notes/\">https://acme.test/notes</a></p>", "https://acme.test/notes")]
    [InlineData("<p><a href=\"mailto:dana@customer.test\">dana@customer.test</a></p>", "dana@customer.test")]
    [InlineData("<table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td>2</td></tr></table>", "A | B\n1 | 2")]
    [InlineData("<ol><li>one</li><li>two</li></ol>", "• one\n• two")]
    [InlineData("<div>new</div><blockquote type=\"cite\"><div>old</div><div>older</div></blockquote>", "new\n> old\n> older")]
    [InlineData("<head><title>t</title></head><body><script>x()</script><style>p{}</style>a<br>b<br><br><br>c</body>", "a\nb\n\nc")]
    [InlineData("<pre>  indented\n  code</pre>", "  indented\n  code")]
    public void Html_reads_as_text(string html, string text) => Assert.Equal(text, HtmlText.Of(html));
}
