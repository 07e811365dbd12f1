using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

public sealed class TakeTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task Take_posts_accountability_reply_in_thread_and_loops_in_the_ce()
    {
        var number = await _app.CreateTicketAsync("Code intel is down");
        var confirmation = await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{number}", StringComparison.Ordinal));
        var thread = confirmation[0].AnswerTs;

        var answer = await _app.Requests.CommandAsync("/take", number.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSettings.Engineer);

        Assert.Contains($"#{number}", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp", answer.Text, StringComparison.Ordinal);
        var replies = await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.ThreadTs == thread && c.Text.Contains("<@U_ENG1>", StringComparison.Ordinal));
        var reply = Assert.Single(replies);
        Assert.Contains("will help you with this", reply.Text, StringComparison.Ordinal);
        Assert.Contains("<@U_CE1>", reply.Text, StringComparison.Ordinal);
    }
}
