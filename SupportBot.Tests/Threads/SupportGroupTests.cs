using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

public sealed class SupportGroupTests : IDisposable
{
    private const string Group = "S_SUPPORT";
    private readonly FakeSlackApi _slack = new();
    private readonly SupportBotApp _app;

    public SupportGroupTests()
    {
        _slack.Workspace.SetGroup(Group, "U_GROUP1");
        _app = new SupportBotApp(new() { ["Slack:SupportGroup"] = Group }, slack: _slack);
    }

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private async Task WaitForMemberAsync(string user, bool member) =>
        await ThreadEvents.WaitUntilAsync(() => _app.Get<SupportTeam>().IsMember(user) == member ? "" : null, $"{user} member={member}");

    [Fact]
    public async Task Support_group_members_count_as_the_team_and_are_refreshed_every_ten_minutes()
    {
        await WaitForMemberAsync("U_GROUP1", true);
        Assert.True(_app.Get<SupportTeam>().IsMember(TestSettings.Engineer), "the configured list still counts");
        Assert.Equal(Group, Assert.Single(_slack.Find("usergroups.users.list")).Args["usergroup"]?.GetValue<string>());

        _slack.Workspace.SetGroup(Group, "U_GROUP2");
        _app.Time.Advance(TimeSpan.FromMinutes(10));

        await WaitForMemberAsync("U_GROUP2", true);
        Assert.False(_app.Get<SupportTeam>().IsMember("U_GROUP1"));
    }

    [Fact]
    public async Task A_group_members_thread_reply_is_an_engineers_reply()
    {
        await WaitForMemberAsync("U_GROUP1", true);
        var number = await _app.CreateTicketAsync("Group member answers");
        var thread = await _app.ThreadOfAsync(number);

        await _app.ReplyAsync(thread, "U_GROUP1", "I can help");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.TeamReplies == 1);
        Assert.NotNull(ticket.FirstResponseAt);
    }

    [Fact]
    public async Task A_failing_group_lookup_keeps_the_last_members_and_the_app_healthy()
    {
        await WaitForMemberAsync("U_GROUP1", true);
        _slack.FailWithError("usergroups.users.list", "missing_scope");
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        await ThreadEvents.WaitUntilAsync(() => _slack.Calls.Count(c => c.Method == "usergroups.users.list") >= 2 ? "" : null, "a second lookup");

        Assert.True(_app.Get<SupportTeam>().IsMember("U_GROUP1"));
        var health = await _app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
