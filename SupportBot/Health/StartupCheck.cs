using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>
/// Validates every option section before the host starts, so a wrong, missing or unreadable setting ends the process
/// with a short list that names each key (and exit code 2), instead of a stack trace. The list is whole: a value that
/// does not bind is listed, and the validators still run on the rest and list what else is wrong.
/// </summary>
public static class StartupCheck
{
    public static bool SettingsAreValid(this WebApplication app)
    {
        var unreadable = SettingValues.Problems(app.Configuration, app.Services.GetServices<CheckedSection>());
        var hidden = unreadable.Select(u => u.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in hidden)
            app.Configuration[key] = null;
        var invalid = Validation(app, hidden);
        return unreadable.Count + invalid.Count == 0 || Refuse([.. unreadable.Select(u => u.Problem), .. invalid]);
    }

    /// <summary>
    /// What the validators say. A value that does not bind would stop them at its section, so the unreadable ones are
    /// hidden first: set to null in every source, the binder skips them. (Set on the sources, not added as a new one,
    /// which would fire the reload token; only ever done to a process about to stop with the list.) A failure that is
    /// about a hidden key is left out: its default is what failed, and the key is listed already.
    /// </summary>
    private static List<string> Validation(WebApplication app, HashSet<string> hidden)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return Lines(e, hidden);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // more than one section failed: the validator throws them together
            return [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(v => Lines(v, hidden))];
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or ArgumentException or OverflowException)
        {
            // a section nobody registered for the value check (BindSettings): the binder's own words still name the
            // key, but the validators stopped there
            return [$"{e.Message} ({e.InnerException.Message})"];
        }
    }

    private static List<string> Lines(OptionsValidationException e, HashSet<string> hidden) =>
        [.. e.Failures.Where(f => !hidden.Any(key => f.Contains(key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries))];

    private static bool Refuse(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("SupportBot cannot start; fix these settings (appsettings.json or environment variables, e.g. Slack__BotToken):");
        foreach (var failure in failures)
            Console.Error.WriteLine($"  - {failure}");
        Console.Error.WriteLine("`dotnet SupportBot.dll --help` lists every setting.");
        return false;
    }
}
