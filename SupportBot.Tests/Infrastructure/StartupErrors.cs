using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SupportBot.Tests.Infrastructure;

/// <summary>What start-up validation says about <paramref name="settings"/>: the message an operator reads.</summary>
public static class StartupErrors
{
    public static string Of(Dictionary<string, string?> settings) => Failure(settings).Message;

    /// <summary>
    /// What start-up checks (the <c>ValidateOnStart</c> validators, which Program runs before the host starts) throw
    /// for these settings.
    /// </summary>
    public static OptionsValidationException Failure(Dictionary<string, string?> settings)
    {
        var app = new SupportBotApp(settings);
        try
        {
            return Assert.Throws<OptionsValidationException>(app.Services.GetRequiredService<IStartupValidator>().Validate);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}
