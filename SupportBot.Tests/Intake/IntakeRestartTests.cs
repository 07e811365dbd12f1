using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Intake;

/// <summary>A delivery's key commits with its ticket: a sender retrying after the bot restarted makes nothing new.</summary>
public sealed class IntakeRestartTests
{
    [Fact]
    public async Task A_redelivery_after_a_restart_makes_no_second_ticket()
    {
        var first = new SupportBotApp(IntakeRequests.Settings());
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await new IntakeRequests(first).OpsGenieAsync("Create", "a-9")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await new IntakeRequests(first).GitHubAsync("issues", GitHubPayloads.Labeled(5, "broken", "support"), "d-5")).StatusCode);
            first.Dispose();
            using var second = new SupportBotApp(IntakeRequests.Settings(), first.DbPath);
            var again = new IntakeRequests(second);
            Assert.Equal(HttpStatusCode.OK, (await again.OpsGenieAsync("Create", "a-9")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.GitHubAsync("issues", GitHubPayloads.Labeled(5, "broken", "support"), "d-5")).StatusCode);
            Assert.Equal(2, second.Get<SupportBot.Tickets.TicketStore>().Count());
        }
        finally
        {
            first.DeleteDatabase();
        }
    }
}
