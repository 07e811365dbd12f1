using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Home;

/// <summary>App Home shows a mention in a ticket's subject as the person's name, looked up at delivery.</summary>
public sealed class HomeNamesTests : AppTest
{
    [Fact]
    public async Task A_subject_mentioning_someone_shows_their_name_on_the_Home()
    {
        Slack.Workspace.AddUser("U0GLOBEXA1", "Globex Ann");
        // a #help post: Slack sends the mention as <@U…> markup, which the subject keeps
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "<@U0GLOBEXA1> cannot export"));
        await App.WaitForTicketCountAsync(1);
        const int number = 1;
        await CommandAsync("/take", N(number));

        await Requests.EventAsync(new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = TestSettings.Engineer, ["channel"] = "D_HOME", ["tab"] = "home", ["event_ts"] = "1.1",
        });

        var view = Assert.Single(await Slack.WaitForAsync("views.publish"));
        Assert.Contains($"#{number}* @Globex Ann cannot export", view.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("U0GLOBEXA1", view.Text, StringComparison.Ordinal);
    }
}
