using SupportBot.Ai;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Ai;

public sealed class SubjectTests : ModelTest
{
    [Fact]
    public async Task A_help_post_that_opens_with_a_greeting_gets_the_models_subject_with_a_history_line_and_card_update()
    {
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Hi team!\nOur Okta SSO login fails with error 500 since yesterday"));

        var ticket = await App.WaitForTicketAsync(1, t => t.Subject != "Hi team!");

        Assert.Equal("Our Okta SSO login fails", ticket.Subject);
        Assert.Contains(ticket.History, h => h.What == "Subject suggested by the language model; it read “Hi team!”");
        await Slack.WaitForAsync("chat.update", c => c.Text.Contains("Our Okta SSO login fails", StringComparison.Ordinal));
        var sent = Assert.Single(Model.Requests);
        Assert.Equal("Hi team!\nOur Okta SSO login fails with error 500 since yesterday", sent.User);
    }

    [Fact]
    public async Task A_good_first_line_is_kept_and_the_model_is_not_asked()
    {
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Webhook retries arrive twice\nSince the upgrade every event comes twice."));
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "hello\nThe dashboard export button does nothing in Firefox"));

        await App.WaitForTicketAsync(2, t => t.Subject != "hello");

        // subjects share one lane in order: had #1 been queued, it would have been asked first
        Assert.Contains("dashboard export", Assert.Single(Model.Requests).User, StringComparison.Ordinal);
        Assert.Equal("Webhook retries arrive twice", Ticket(1).Subject);
    }

    [Theory]
    [InlineData("Hi team!", true)]
    [InlineData("hello everyone, quick question", true)]
    [InlineData("help!!!", true)]
    [InlineData("<@U123> ?", true)]
    [InlineData("SSO login fails", false)]
    public void Poor_subjects_are_greetings_pleas_and_mentions(string subject, bool poor) =>
        Assert.Equal(poor, SubjectQuality.IsPoor(subject, subject + "\nOur Okta SSO login fails with error 500"));

    [Fact]
    public void A_first_line_cut_for_length_is_poor_and_a_request_too_short_to_do_better_is_left_alone()
    {
        Assert.True(SubjectQuality.IsPoor(new string('x', 119) + "…", "a long first line and more words"));
        Assert.False(SubjectQuality.IsPoor("hi", "hi there"));
    }
}
