using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupportBot.Outbox;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// Messages Slack refused for good are visible and replayable: counted in /health, named in a warning with method,
/// channel, ticket and cause, listed and put back in line by <c>outbox list</c> / <c>outbox retry</c>.
/// </summary>
public sealed class SetAsideTests() : AppTest(new() { ["Logging:LogLevel:Default"] = "Information" })
{
    private async Task<JsonNode> HealthAsync() =>
        JsonNode.Parse(await App.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative)))!;

    private (int Code, string Output) Cli(params string[] args)
    {
        var output = new StringWriter();
        var code = App.Get<IStoreGate>().Write(s => new OutboxCli().Run(s, args, App.Time.GetUtcNow().UtcDateTime, output));
        return (code, output.ToString());
    }

    [Fact]
    public async Task A_refused_message_is_counted_in_health_named_in_the_log_and_replayed_from_the_cli()
    {
        Slack.FailWithError("chat.postMessage", "channel_not_found", count: 2); // the confirmation and the triage card
        var number = NewTicket("Set aside twice");
        await ThreadEventsWait(() => App.Get<OutboxStore>().FailedMessages().Count == 2);

        var health = await HealthAsync();
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Equal(2, health["checks"]!["outbox"]!["data"]!["set_aside"]!.GetValue<int>());
        var warning = App.Logs.At(LogLevel.Warning).First(w => w.Contains("set aside", StringComparison.Ordinal));
        Assert.Contains("chat.postMessage to C_", warning, StringComparison.Ordinal);
        Assert.Contains($"for ticket #{N(number)}", warning, StringComparison.Ordinal);
        Assert.Contains("channel_not_found", warning, StringComparison.Ordinal);

        var (listed, list) = Cli("list");
        Assert.Equal(0, listed);
        Assert.Contains("2 message(s) set aside", list, StringComparison.Ordinal);
        Assert.Contains($"(ticket #{N(number)})", list, StringComparison.Ordinal);
        Assert.Contains("channel_not_found", list, StringComparison.Ordinal);

        var first = App.Get<OutboxStore>().FailedMessages()[0].Id;
        Assert.Equal(0, Cli("retry", first.ToString(System.Globalization.CultureInfo.InvariantCulture)).Code);
        Assert.Single(App.Get<OutboxStore>().FailedMessages());
        Assert.Equal(1, Cli("retry", "999999").Code);
        Assert.Contains("1 message(s) back", Cli("retry", "all").Output, StringComparison.Ordinal);
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
        Assert.Equal(2, Cli("retry", "twelve").Code);
    }

    [Fact]
    public async Task A_transient_failure_names_the_call_the_ticket_and_the_underlying_cause()
    {
        Slack.Unreachable("chat.postMessage", count: 50);
        var number = NewTicket("Slack is unreachable");
        await ThreadEventsWait(() => App.Logs.At(LogLevel.Warning).Any(w => w.Contains("Connection refused (fake)", StringComparison.Ordinal)));

        var warning = App.Logs.At(LogLevel.Warning).First(w => w.Contains("Connection refused (fake)", StringComparison.Ordinal));
        Assert.Contains("chat.postMessage to C_", warning, StringComparison.Ordinal);
        Assert.Contains($"for ticket #{N(number)}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_lifecycle_steps_are_logged_at_information_with_the_ticket_number()
    {
        var number = await App.CreateTicketAsync(subject: "Logged");
        await CommandAsync("/take", N(number));
        await CommandAsync("/take", $"{N(number)} force", TestSettings.Engineer2);
        await CommandAsync("/status", $"{N(number)} pending waiting for logs", TestSettings.Engineer2);

        var info = App.Logs.At(LogLevel.Information);
        var n = N(number);
        Assert.Contains(info, l => l.StartsWith($"Ticket #{n} created from RequestForm", StringComparison.Ordinal));
        Assert.Contains(info, l => l == $"Ticket #{n} taken by {TestSettings.Engineer}");
        Assert.Contains(info, l => l == $"Ticket #{n} handed over from {TestSettings.Engineer} to {TestSettings.Engineer2}");
        Assert.Contains(info, l => l == $"Ticket #{n} status changed Open -> Pending by {TestSettings.Engineer2}"
                                   || l == $"Ticket #{n} status changed New -> Pending by {TestSettings.Engineer2}");
    }

    private static Task<string> ThreadEventsWait(Func<bool> condition) =>
        Threads.ThreadEvents.WaitUntilAsync(() => condition() ? "" : null, "the outbox to act");

    private int NewTicket(string subject) => App.Get<SupportBot.Tickets.Intake.TicketIntake>().Create(new SupportBot.Tickets.Intake.TicketDraft(
        subject, "details", SupportBot.Tickets.Priority.Normal, TestSettings.Customer, TestSettings.CustomerChannel,
        SupportBot.Tickets.TicketSource.RequestForm)).Number;
}
