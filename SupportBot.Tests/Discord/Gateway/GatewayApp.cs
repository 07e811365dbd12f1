using Microsoft.Extensions.DependencyInjection;
using SupportBot.Discord.Gateway;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Discord.Gateway;

/// <summary>The app with Discord settings pointing at a <see cref="FakeDiscordGateway"/>, and a recording handler.</summary>
public sealed class GatewayApp : IAsyncDisposable
{
    public const string HelpChannel = "1180000000000000010";

    private GatewayApp(FakeDiscordGateway gateway, string? token)
    {
        Gateway = gateway;
        App = new SupportBotApp(new()
        {
            ["Discord:BotToken"] = token,
            ["Discord:GatewayUrl"] = gateway.Url.ToString(),
            ["Discord:HelpChannels:0"] = HelpChannel,
            ["Logging:LogLevel:SupportBot.Discord"] = "Information",
        }, services: s => s.AddSingleton<IDiscordDispatchHandler>(Handler));
    }

    public FakeDiscordGateway Gateway { get; }

    public SupportBotApp App { get; }

    public RecordingDispatchHandler Handler { get; } = new();

    public DiscordGatewayStatus.Snapshot Status => App.Get<DiscordGatewayStatus>().Now;

    /// <summary>Starts the fake and the app (whose Gateway client connects as the host starts).</summary>
    public static async Task<GatewayApp> StartAsync(string? token = FakeDiscordGateway.Token, int heartbeatIntervalMs = 41_250)
    {
        var app = new GatewayApp(await FakeDiscordGateway.StartAsync(heartbeatIntervalMs), token);
        _ = app.App.Services;
        return app;
    }

    /// <summary>The session start the fake wrote once the bot has read it (see <see cref="FakeDiscordGateway.BotConnectedAsync"/>).</summary>
    public Task<FakeDiscordGateway.SessionStart> ConnectedAsync(int after = 0, string? how = null) =>
        Gateway.BotConnectedAsync(App.Get<DiscordGatewayStatus>(), after, how);

    /// <summary>Sends a MESSAGE_CREATE in the help channel; returns its sequence number.</summary>
    public long Message(string id, string content = "help") =>
        Gateway.Dispatch("MESSAGE_CREATE", FakeDiscordGateway.Message(id, HelpChannel, content))!.Value;

    /// <summary>Waits until the handler finished the event numbered <paramref name="seq"/> (in the current session).</summary>
    public Task<bool> HandledAsync(long seq) => Gateway.WaitUntilAsync(() => Status.LastSequence >= seq);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        App.DeleteDatabase();
        await Gateway.DisposeAsync();
    }
}
