using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>Slash command names come from <c>Slack:Commands</c>, for workspaces where /take or /status is taken.</summary>
public sealed class CommandNameTests() : AppTest(new() { ["Slack:Commands:Take"] = "/grab", ["Slack:Commands:Status"] = "/ticket" })
{
    [Fact]
    public async Task Configured_command_names_work_and_the_defaults_become_unknown()
    {
        await App.CreateTicketAsync();

        var grabbed = await CommandAsync("/grab", "1");
        var shown = await CommandAsync("/ticket", "1");
        var take = await CommandAsync("/take", "1", TestSettings.Engineer2);
        var status = await CommandAsync("/status", "1");

        Assert.Contains("You took *#1*", grabbed.Text, StringComparison.Ordinal);
        Assert.Contains("Assignee: <@U_ENG1>", shown.Text, StringComparison.Ordinal);
        Assert.Contains("I don't know the command /take", take.Text, StringComparison.Ordinal);
        Assert.Contains("/grab", take.Text, StringComparison.Ordinal);
        Assert.Contains("I don't know the command /status", status.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
    }

    [Fact]
    public async Task Answers_name_the_configured_commands()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/grab", "1", TestSettings.Engineer2);

        var held = await CommandAsync("/grab", "1");
        var usage = await CommandAsync("/grab", "please");
        var help = await CommandAsync("/ticket", "help");

        Assert.Contains("/grab 1 force", held.Text, StringComparison.Ordinal);
        Assert.Contains("/grab all", usage.Text, StringComparison.Ordinal);
        Assert.Contains("/ticket 12", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/take", usage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/status", help.Text, StringComparison.Ordinal);
    }
}
