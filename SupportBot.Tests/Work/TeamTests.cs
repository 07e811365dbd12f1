using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Work;

/// <summary><c>/status team</c>: who holds what, how long the oldest has waited, and the queue by priority.</summary>
public sealed class TeamTests : AppTest
{
    [Fact]
    public async Task Each_engineers_load_by_status_and_the_queue_by_priority()
    {
        var a = await App.CreateTicketAsync("First");
        App.Time.Advance(TimeSpan.FromHours(2));
        var b = await App.CreateTicketAsync("Second");
        var urgent = await App.CreateTicketAsync("Third", priority: "Urgent");
        var low = await App.CreateTicketAsync("Fourth", priority: "Low");
        await CommandAsync("/take", $"{N(a)} {N(b)}");
        await CommandAsync("/status", $"{N(b)} pending waiting for logs");
        await CommandAsync("/status", $"{N(a)} task write it up");
        App.Time.Advance(TimeSpan.FromMinutes(5));

        var answer = await CommandAsync("/status", "team", TestSettings.Engineer2);

        var lines = answer.Text.Split('\n');
        Assert.Contains(lines, l => l.Contains($"<@{TestSettings.Engineer}>: *2* open (1 New, 1 Pending) · oldest waiting 2h 5m (#{N(a)}) · 1 open Task", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"<@{TestSettings.Engineer2}>: no open tickets", StringComparison.Ordinal));
        Assert.Contains("*Queue*: 2 unassigned", answer.Text, StringComparison.Ordinal);
        var urgentLine = Array.FindIndex(lines, l => l.Contains($"Urgent: 1 · #{N(urgent)}", StringComparison.Ordinal));
        var lowLine = Array.FindIndex(lines, l => l.Contains($"Low: 1 · #{N(low)}", StringComparison.Ordinal));
        Assert.True(urgentLine >= 0 && lowLine > urgentLine, answer.Text);
    }

    [Fact]
    public async Task Help_lists_every_word_and_the_hand_off()
    {
        var help = await CommandAsync("/status", "help");

        foreach (var word in new[] { "note", "priority", "requester", "task", "escalate", "tasks", "team", "/take 12 @person" })
            Assert.Contains(word, help.Text, StringComparison.Ordinal);
    }
}
