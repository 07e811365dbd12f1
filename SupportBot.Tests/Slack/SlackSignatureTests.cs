using System.Text;
using SupportBot.Slack.Signing;

namespace SupportBot.Tests.Slack;

/// <summary>Slack's published example from "Verifying requests from Slack".</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static bool Valid(string? signature = Expected, string body = Body, string? timestamp = Timestamp,
        DateTimeOffset? now = null, string secret = Secret) =>
        SlackSignature.IsValid(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now ?? SentAt, Window);

    [Fact]
    public void Compute_matches_slacks_published_example() =>
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Published_example_is_valid_at_its_own_timestamp() => Assert.True(Valid());

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(-300)]
    public void Timestamps_within_five_minutes_either_way_are_accepted(int skewSeconds) =>
        Assert.True(Valid(now: SentAt.AddSeconds(skewSeconds)));

    [Theory]
    [InlineData(360)]
    [InlineData(-360)]
    [InlineData(86_400)]
    public void Timestamps_more_than_five_minutes_away_are_refused(int skewSeconds) =>
        Assert.False(Valid(now: SentAt.AddSeconds(skewSeconds)));

    [Fact]
    public void A_tampered_body_is_refused() => Assert.False(Valid(body: Body.Replace("roadrunner", "coyote", StringComparison.Ordinal)));

    [Fact]
    public void Another_secret_is_refused() => Assert.False(Valid(secret: "00000000000000000000000000000000"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Missing_or_malformed_signatures_are_refused(string? signature) => Assert.False(Valid(signature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    public void Missing_or_malformed_timestamps_are_refused(string? timestamp) => Assert.False(Valid(timestamp: timestamp));

    [Fact]
    public void The_timestamp_is_part_of_what_is_signed()
    {
        var later = (1531420618 + 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Valid(timestamp: later, now: SentAt.AddSeconds(60)));
    }
}
