using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Ai;

/// <summary>An app whose <c>Ai</c> settings point at a <see cref="FakeModelServer"/> of its own.</summary>
public abstract class ModelTest(Dictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string ApiKey = "sk-test-7d1f0c9e-never-logged";
    public const string Timeout = "00:00:20";

    protected FakeModelServer Model { get; private set; } = null!;

    protected SupportBotApp App { get; private set; } = null!;

    protected FakeSlackApi Slack => App.Slack;

    protected Ticket Ticket(int number) => App.Get<TicketStore>().Find(number)!;

    public async Task InitializeAsync()
    {
        Model = await FakeModelServer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Ai:Endpoint"] = Model.Endpoint, ["Ai:Model"] = "fake-model", ["Ai:ApiKey"] = ApiKey, ["Ai:Timeout"] = Timeout,
        };
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        App = new SupportBotApp(all);
    }

    protected Task<CommandAnswer> CommandAsync(string text, string user = TestSettings.Engineer) =>
        App.Requests.CommandAsync("/status", text, user);

    /// <summary>The engineer's private answers to commands and buttons (response URLs) that contain <paramref name="text"/>.</summary>
    protected async Task<SlackCall> PrivateAnswerAsync(string text)
    {
        var calls = await Slack.WaitForAsync("response_url", c => c.Text.Contains(text, StringComparison.Ordinal));
        Assert.True(calls.Count > 0, $"no private answer saying {text}");
        return calls[^1];
    }

    protected static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        App.Dispose();
        App.DeleteDatabase();
        await Model.DisposeAsync();
    }
}
