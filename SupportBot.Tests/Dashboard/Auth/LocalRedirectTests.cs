using SupportBot.Dashboard.Auth;

namespace SupportBot.Tests.Dashboard.Auth;

/// <summary>The sign-in link's <c>next</c>: a plain path of this site after any decoding, else the home page.</summary>
public sealed class LocalRedirectTests
{
    [Theory]
    [InlineData("/%09/evil.example/phish")] // Chromium drops the tab: //evil.example
    [InlineData("/\t/evil.example")]
    [InlineData("/%2F/evil")]
    [InlineData("/%2f%2fevil")]
    [InlineData("/%252F/evil")] // twice encoded
    [InlineData("/%25252F%25252Fevil")] // three times
    [InlineData("/\\evil")]
    [InlineData("/%5Cevil")]
    [InlineData("/tickets\\..\\..\\evil")]
    [InlineData("//evil")]
    [InlineData("///evil")]
    [InlineData("https://evil")]
    [InlineData("%2F%2Fevil")]
    [InlineData("/\u3000/evil")] // ideographic space
    [InlineData("/\u00A0/evil")] // no-break space
    [InlineData("/%C2%A0/evil")]
    [InlineData("/%0d%0aSet-Cookie:x")]
    [InlineData("/%3F%0D%0ASet-Cookie:x")] // the '?' is part of the path until decoded
    [InlineData("/\r\nSet-Cookie:x")]
    [InlineData("/tickets/1\n")]
    [InlineData("/\u202Eevil")] // right-to-left override
    [InlineData("/\u200B/evil")] // zero-width space
    [InlineData("/\0")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/%25252525252541")] // still changing after the rounds allowed
    [InlineData("tickets/1")]
    [InlineData(" /tickets/1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_doubtful_next_goes_home(string? next)
    {
        Assert.False(LocalRedirect.IsLocalPath(next));
        Assert.Equal("/", LocalRedirect.Resolve(next));
    }

    [Fact]
    public void Half_a_surrogate_pair_goes_home() => Assert.Equal("/", LocalRedirect.Resolve("/" + '\uD800'));

    [Fact]
    public void A_next_longer_than_any_page_goes_home()
    {
        Assert.Equal("/", LocalRedirect.Resolve("/tickets/" + new string('1', LocalRedirect.MaxLength)));
        Assert.Equal("/" + new string('a', LocalRedirect.MaxLength - 1), LocalRedirect.Resolve("/" + new string('a', LocalRedirect.MaxLength - 1)));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/tickets/12", "/tickets/12")]
    [InlineData("/reports?from=2026-01-01&to=2026-01-31", "/reports?from=2026-01-01&to=2026-01-31")]
    [InlineData("/?customer=Acme%20Corp&sort=due", "/?customer=Acme%20Corp&sort=due")] // a query's encoded space is data
    [InlineData("/?next=%2F%2Fanywhere", "/?next=%2F%2Fanywhere")]
    [InlineData("/tickets/12#history", "/tickets/12#history")]
    [InlineData("/?customer=Müller", "/?customer=M%C3%BCller")] // non-ASCII goes percent-encoded into Location
    [InlineData("/?q=🙂", "/?q=%F0%9F%99%82")]
    public void A_plain_path_of_this_site_is_kept_in_ASCII(string next, string location) =>
        Assert.Equal(location, LocalRedirect.Resolve(next));
}
