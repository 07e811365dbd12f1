using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Work.Links;

/// <summary>Merges that cannot be made are refused with what to do instead, and change nothing.</summary>
public sealed class MergeRefusalTests : AppTest
{
    private async Task<string> MergeAsync(int keep, int duplicate) =>
        (await CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}")).Text;

    [Fact]
    public async Task Each_impossible_merge_is_refused_by_name_and_changes_nothing()
    {
        var keep = await App.CreateTicketAsync("Refusal kept ticket");
        var duplicate = await App.CreateTicketAsync("Refusal duplicate ticket");
        var other = await App.CreateTicketAsync("Refusal other ticket");
        var task = await CommandAsync("/status", $"{N(keep)} task Read the logs");
        var taskNumber = other + 1;
        Assert.Contains($"#{taskNumber}", task.Text, StringComparison.Ordinal);

        Assert.Contains("cannot be merged into itself", await MergeAsync(keep, keep), StringComparison.Ordinal);
        Assert.Contains("can't find ticket #999", await MergeAsync(keep, 999), StringComparison.Ordinal);
        Assert.Contains($"#{taskNumber} is a Task of #{keep}", await MergeAsync(keep, taskNumber), StringComparison.Ordinal);
        Assert.Contains($"#{taskNumber} is a Task of #{keep}", await MergeAsync(taskNumber, duplicate), StringComparison.Ordinal);
        Assert.Contains("merge 15", (await CommandAsync("/status", $"{N(keep)} merge soon")).Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, Ticket(duplicate).Status);

        Assert.Contains("Merged", await MergeAsync(keep, duplicate), StringComparison.Ordinal);
        Assert.Contains($"#{duplicate} was already merged into #{keep}", await MergeAsync(other, duplicate), StringComparison.Ordinal);
        Assert.Contains($"merge into #{keep} instead", await MergeAsync(duplicate, other), StringComparison.Ordinal);

        await CommandAsync("/status", $"{N(other)} solved confirmed");
        await CommandAsync("/status", $"{N(other)} closed");
        Assert.Contains($"#{other} is Closed", await MergeAsync(other, keep), StringComparison.Ordinal);
        Assert.Contains($"#{other} is Closed already", await MergeAsync(keep, other), StringComparison.Ordinal);
        Assert.Null(Ticket(other).DuplicateOf);
        Assert.Empty(Ticket(other).Duplicates);
        Assert.Equal(TicketStatus.New, Ticket(keep).Status);
        Assert.Equal([duplicate], Ticket(keep).Duplicates);
    }

    [Fact]
    public async Task Only_the_team_may_merge()
    {
        var keep = await App.CreateTicketAsync("Outsider kept ticket");
        var duplicate = await App.CreateTicketAsync("Outsider duplicate ticket");

        await CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Equal(TicketStatus.New, Ticket(duplicate).Status);
        Assert.Null(Ticket(duplicate).DuplicateOf);
    }
}
