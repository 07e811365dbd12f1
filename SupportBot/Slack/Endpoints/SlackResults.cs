using SupportBot.Slack.Blocks;

namespace SupportBot.Slack.Endpoints;

public static class SlackResults
{
    /// <summary>A JSON body in Slack's snake_case shape.</summary>
    public static IResult Message(SlackMessage message) =>
        Results.Text(SlackJson.Serialize(message), "application/json; charset=utf-8");

    public static IResult Json<T>(T value) =>
        Results.Text(SlackJson.Serialize(value), "application/json; charset=utf-8");
}
