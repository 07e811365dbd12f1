using System.Net;
using System.Text;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

/// <summary>Slack's certificate check on the command URL (ssl_check=1) gets a 200, as POST and as GET, and changes nothing.</summary>
public sealed class SslCheckTests : AppTest
{
    [Fact]
    public async Task An_unsigned_ssl_check_post_is_answered_200()
    {
        using var client = App.CreateClient();
        using var body = new StringContent("ssl_check=1&token=legacy-verification-token", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri("/slack/command", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // auth.test: the bot learning its own id at start; conversations.info: checking it can post to the support channel
        Assert.DoesNotContain(Slack.Calls, c => c.Method is not ("auth.test" or "conversations.info"));
    }

    [Fact]
    public async Task An_ssl_check_get_is_answered_200_and_other_gets_are_refused()
    {
        using var client = App.CreateClient();

        var check = await client.GetAsync(new Uri("/slack/command?ssl_check=1", UriKind.Relative));
        var other = await client.GetAsync(new Uri("/slack/command", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, other.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_command_that_mentions_ssl_check_is_still_refused()
    {
        using var client = App.CreateClient();
        using var body = new StringContent("ssl_check=1&command=%2Fstatus&text=setup&user_id=U_ENG1&channel_id=C_ACME",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri("/slack/command", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
