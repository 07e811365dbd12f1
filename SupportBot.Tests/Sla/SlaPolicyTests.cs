using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Sla:Policies: the first that matches a ticket sets its targets; none matching leaves the default settings.</summary>
public sealed class SlaPolicyTests : IDisposable
{
    private readonly SupportBotApp _app = Create(new()
    {
        ["Sla:Policies:0:Name"] = "Urgent",
        ["Sla:Policies:0:Match:Priority"] = "urgent",
        ["Sla:Policies:0:FirstResponse"] = "00:07:00",
        ["Sla:Policies:0:NextReply"] = "00:13:00",
        ["Sla:Policies:0:Resolution"] = "05:00:00",
        ["Sla:Policies:1:Match:Tier"] = "enterprise",
        ["Sla:Policies:1:Match:Customer"] = "Acme Corp",
        ["Sla:Policies:1:FirstResponse"] = "00:20:00",
        ["Sla:Policies:2:Match:Tier"] = "Startup",
        ["Sla:Policies:2:FirstResponse"] = "00:01:00",
    });

    public void Dispose() => SlaApp.Dispose(_app);

    [Fact]
    public async Task The_first_matching_policy_sets_the_targets_shown_with_their_due_times()
    {
        var urgent = await _app.CreateTicketAsync("Everything is down", priority: "Urgent");
        var normal = await _app.CreateTicketAsync("A question");
        var created = _app.Ticket(urgent).CreatedAt;

        var text = (await _app.CommandAsync("/status", N(urgent))).Text;
        Assert.Contains("SLA: Urgent · first response 7m · next reply 13m · resolution 5h 0m", text, StringComparison.Ordinal);
        Assert.Contains($"SLA due {SupportBot.Time.Durations.Stamp(created.AddMinutes(7))}", text, StringComparison.Ordinal);
        Assert.Contains($"Resolution target: due {SupportBot.Time.Durations.Stamp(created.AddHours(5))}", text, StringComparison.Ordinal);

        var other = (await _app.CommandAsync("/status", N(normal))).Text;
        Assert.Contains("SLA: policy 1 · first response 20m", other, StringComparison.Ordinal);
        Assert.DoesNotContain("next reply", other, StringComparison.Ordinal); // left out: no next-reply clock
        Assert.DoesNotContain("Resolution target", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_priority_change_brings_the_other_policy()
    {
        var number = await _app.CreateTicketAsync("A question");
        Assert.Equal("policy 1", _app.Ticket(number).Sla.Policy);

        await _app.CommandAsync("/status", $"{number} priority urgent");

        var ticket = _app.Ticket(number);
        Assert.Equal("Urgent", ticket.Sla.Policy);
        Assert.Equal(ticket.CreatedAt.AddMinutes(7), ticket.FirstResponseDueAt);
        Assert.Equal(ticket.CreatedAt.AddHours(5), ticket.Sla.Resolution.DueAt);
    }

    [Theory]
    [InlineData("Sla:Policies:0:Match:Priority", "critical", "Sla:Policies:0:Match:Priority is \"critical\"")]
    [InlineData("Sla:Policies:0:NextReply", "-00:10:00", "Sla:Policies:0:NextReply is")]
    [InlineData("Sla:Policies:0:Match:Tier", "Enterprise", "Sla:Policies:0 sets no target")]
    public void A_bad_policy_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var options = new SlaOptions();
        var policy = new SlaPolicyOptions();
        if (key.EndsWith("Priority", StringComparison.Ordinal))
            (policy.Match.Priority, policy.FirstResponse) = (value, TimeSpan.FromHours(1));
        else if (key.EndsWith("NextReply", StringComparison.Ordinal))
            policy.NextReply = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        else
            policy.Match.Tier = value;
        options.Policies.Add(policy);

        var result = new SlaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_match_the_default_settings_apply()
    {
        var policy = _app.Get<SlaPolicy>();
        var targets = policy.TargetsFor(new Ticket { Priority = Priority.Low, Tier = "Free" });
        Assert.Equal(new SlaTargets(null, TimeSpan.FromHours(8), null, null), targets);
    }
}
