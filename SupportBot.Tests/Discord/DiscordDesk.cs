using Microsoft.Extensions.DependencyInjection;
using SupportBot.Discord.Gateway;
using SupportBot.Discord.Rest;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Discord.DiscordPayloads;

namespace SupportBot.Tests.Discord;

/// <summary>
/// The app with the Discord settings, its REST calls answered by <see cref="FakeDiscordRest"/>, and Gateway events
/// handed to its dispatch handler as the Gateway client does (one at a time, in order).
/// </summary>
public sealed class DiscordDesk : IDisposable
{
    public DiscordDesk(Dictionary<string, string?>? more = null)
    {
        Rest = new FakeDiscordRest(Token);
        var settings = Settings();
        foreach (var (k, v) in more ?? [])
            settings[k] = v;
        App = new SupportBotApp(settings, services: s =>
            s.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Rest));
        Rest.Clock = App.Time;
        Rest.TextChannels.Add(HelpText);
    }

    public SupportBotApp App { get; }

    public FakeDiscordRest Rest { get; }

    public async Task SendAsync(string type, System.Text.Json.Nodes.JsonObject data) =>
        await App.Get<IDiscordDispatchHandler>().HandleAsync(Dispatch(type, data), CancellationToken.None);

    /// <summary>A person's top-level message in the help text channel; returns its id (the ticket's thread id).</summary>
    public async Task<string> AskAsync(string author, string name, string content)
    {
        var message = Message(HelpText, Author(author, name), content);
        await SendAsync("MESSAGE_CREATE", message);
        return message["id"]!.GetValue<string>();
    }

    /// <summary>The ticket a Discord message or thread made.</summary>
    public Ticket TicketOf(string threadId) =>
        App.Get<TicketStore>().Change(set => SupportBot.Tickets.Intake.OnceIntake.TicketFor(set, "discord:" + threadId))
        ?? throw new InvalidOperationException($"no ticket for Discord thread {threadId}");

    public Ticket Current(int number) => App.Get<TicketStore>().Find(number)!;

    public void Dispose()
    {
        App.Dispose();
        App.DeleteDatabase();
        Rest.Dispose();
    }
}
