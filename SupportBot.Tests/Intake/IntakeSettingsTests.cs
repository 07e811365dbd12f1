using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Intake;

public sealed class IntakeSettingsTests
{
    [Theory]
    [InlineData("Intake:Webhooks:nps:Secret", "not-a-whsec", "Intake:Webhooks:nps:Secret")]
    [InlineData("Intake:PublicUrl", "bot.example", "Intake:PublicUrl")]
    [InlineData("Intake:OpsGenie:Notify", "@oncall", "Intake:OpsGenie:Notify")]
    [InlineData("Email:Mailboxes:0:Name", "support", "Email:Mailboxes:0:Host")]
    public void A_bad_intake_setting_stops_start_up_naming_the_key(string key, string value, string named)
        => Assert.Contains(named, StartupErrors.Of(new() { [key] = value }), StringComparison.Ordinal);
}
