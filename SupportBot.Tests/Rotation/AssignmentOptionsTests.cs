using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Rotation;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Rotation;

public sealed class AssignmentOptionsTests
{
    [Fact]
    public void Defaults_are_pull_ten_open_and_ten_minutes_and_valid()
    {
        var o = new AssignmentOptions();

        Assert.Equal(("pull", 10, TimeSpan.FromMinutes(10)), (o.Mode, o.MaxOpen, o.OfferFor));
        Assert.False(o.Rotates);
        Assert.True(new AssignmentOptionsValidator().Validate(null, o).Succeeded);
    }

    [Theory]
    [InlineData("Assignment:Mode", "round-robin")]
    [InlineData("Assignment:MaxOpen", "0")]
    [InlineData("Assignment:OfferFor", "00:00:00")]
    public void Startup_validation_names_the_bad_key(string key, string value)
    {
        using var app = SlaApp.Create(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public void Rotation_is_accepted_in_any_case()
    {
        var o = new AssignmentOptions { Mode = " Rotation " };

        Assert.True(o.Rotates);
        Assert.True(new AssignmentOptionsValidator().Validate(null, o).Succeeded);
    }
}
