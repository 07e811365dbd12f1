using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>
/// Validates every option section before the host starts, so a wrong, missing or unreadable setting ends the process
/// with a short list that names each key (and exit code 2), instead of a stack trace.
/// </summary>
public static class StartupCheck
{
    public static bool SettingsAreValid(this WebApplication app)
    {
        var unreadable = SettingValues.Problems(app.Configuration, app.Services.GetServices<CheckedSection>());
        if (unreadable.Count > 0)
            return Refuse(unreadable);
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            return Refuse(Lines(e));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // more than one section failed: the validator throws them together
            return Refuse(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(Lines));
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or ArgumentException or OverflowException)
        {
            // a section nobody registered for the value check: the binder's own words still name the key
            return Refuse([$"{e.Message} ({e.InnerException.Message})"]);
        }
    }

    private static IEnumerable<string> Lines(OptionsValidationException e) =>
        e.Failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries));

    private static bool Refuse(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("SupportBot cannot start; fix these settings (appsettings.json or environment variables, e.g. Slack__BotToken):");
        foreach (var failure in failures)
            Console.Error.WriteLine($"  - {failure}");
        Console.Error.WriteLine("`dotnet SupportBot.dll --help` lists every setting.");
        return false;
    }
}
