using System.Globalization;
using SupportBot.Tickets;

namespace SupportBot.Tests.Infrastructure;

/// <summary>A test class with its own app and database, disposed and deleted after each test.</summary>
public abstract class AppTest : IDisposable
{
    protected AppTest(Dictionary<string, string?>? settings = null) => App = new SupportBotApp(settings);

    protected SupportBotApp App { get; }

    protected SlackRequests Requests => App.Requests;

    protected FakeSlackApi Slack => App.Slack;

    protected TicketStore Tickets => App.Get<TicketStore>();

    protected Ticket Ticket(int number) => Tickets.Find(number) ?? throw new InvalidOperationException($"no ticket #{number}");

    protected Task<CommandAnswer> CommandAsync(string command, string text, string user = TestSettings.Engineer,
        string channel = TestSettings.SupportChannel) => Requests.CommandAsync(command, text, user, channel);

    protected static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        App.Dispose();
        App.DeleteDatabase();
        GC.SuppressFinalize(this);
    }
}
