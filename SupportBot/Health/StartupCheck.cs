using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>
/// Validates every option section before the host starts, so a wrong or missing setting ends the process
/// with a short list that names each key, instead of a stack trace.
/// </summary>
public static class StartupCheck
{
    public static bool SettingsAreValid(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine("SupportBot cannot start; fix these settings (appsettings.json or environment variables, e.g. Slack__BotToken):");
            foreach (var failure in e.Failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries)))
                Console.Error.WriteLine($"  - {failure}");
            return false;
        }
    }
}
