using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Discord.Rest;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Discord.DiscordPayloads;

namespace SupportBot.Tests.Discord;

/// <summary>The whole way: events over the in-test Gateway, the real intake and store, answers to the REST fake.</summary>
public sealed class DiscordGatewayIntakeTests : IAsyncLifetime
{
    private FakeDiscordGateway _gateway = null!;
    private readonly FakeDiscordRest _rest = new(FakeDiscordGateway.Token);
    private SupportBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeDiscordGateway.StartAsync();
        var settings = Settings(_gateway.Url.ToString());
        settings["Discord:BotToken"] = FakeDiscordGateway.Token;
        _app = new SupportBotApp(settings, services: s =>
            s.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _rest));
        _rest.Clock = _app.Time;
        _rest.TextChannels.Add(HelpText);
        _ = _app.Services;
        await _gateway.BotConnectedAsync(_app.Get<SupportBot.Discord.Gateway.DiscordGatewayStatus>());
    }

    [Fact]
    public async Task A_message_over_the_Gateway_is_a_ticket_and_its_threads_replies_and_answers_go_both_ways()
    {
        var ask = Message(HelpText, Author(Dana, "Dana Requester"), "Exports stop at 1000 rows");
        _gateway.Dispatch("MESSAGE_CREATE", ask);
        var thread = ask["id"]!.GetValue<string>();
        var confirmation = await _rest.WaitForAsync(c => c.Channel == thread && c.Status == HttpStatusCode.OK);
        var number = Ticket(thread).Number;
        Assert.Contains($"#{number}", confirmation[0].Content, StringComparison.Ordinal);

        _gateway.Dispatch("MESSAGE_CREATE", Message(thread, Author(Alex, "Alex Engineer"), "We can reproduce it."));
        Assert.True(await Eventually.TrueAsync(() => _app.Get<TicketStore>().Find(number)!.Status == TicketStatus.Open));
        await _app.Requests.CommandAsync("/status", $"{number} reply Fixed in 5.2", TestSettings.Engineer);
        await _rest.WaitForAsync(c => c.Channel == thread && c.Content == "Fixed in 5.2" && c.Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_drop_mid_burst_then_resume_makes_exactly_one_ticket_per_message()
    {
        var ids = new List<string>();
        void Ask(int i)
        {
            var message = Message(HelpText, Author(i % 2 == 0 ? Dana : Sam, "Someone"), $"Audit log question {i}");
            ids.Add(message["id"]!.GetValue<string>());
            _gateway.Dispatch("MESSAGE_CREATE", message);
        }
        for (var i = 1; i <= 4; i++)
            Ask(i);
        var mark = _gateway.Received.Count;
        _gateway.Drop();
        for (var i = 5; i <= 10; i++)
            Ask(i); // kept by the session while the bot is away, replayed after its RESUME
        await _gateway.StartedAsync(1, FakeDiscordGateway.Resume);

        Assert.True(await Eventually.TrueAsync(() => _app.Get<TicketStore>().Count() == 10 && _rest.ThreadStarts().Count == 10));
        Assert.All(ids, id => Assert.Single(_rest.ThreadStarts(), c => c.Message == id));
        Assert.True(_gateway.Received.Count > mark);
        Assert.Equal(10, _app.Get<TicketStore>().Count());
    }

    private Ticket Ticket(string thread) =>
        _app.Get<TicketStore>().Change(set => SupportBot.Tickets.Intake.OnceIntake.TicketFor(set, "discord:" + thread))!;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
        await _gateway.DisposeAsync();
        _rest.Dispose();
    }
}
