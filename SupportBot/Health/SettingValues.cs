using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>A configuration section and the options type it binds to, checked for values that do not parse.</summary>
public sealed record CheckedSection(string Path, Type Type);

/// <summary>
/// Reads every value of the registered sections the way the binder will, before it does: a value that does not
/// parse (<c>Sla:NagEvery=30m</c>, <c>Slack:AllowBots=yes</c>) would otherwise end in an unhandled exception and a
/// stack trace. Each problem names the key, the value and an example of a good one.
/// </summary>
public static class SettingValues
{
    /// <summary>Binds <paramref name="section"/> and has its values checked at start.</summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> options, string section) where T : class
    {
        options.Services.AddSingleton(new CheckedSection(section, typeof(T)));
        return options.BindConfiguration(section);
    }

    /// <summary>Each value that would not bind: its key, and the problem in words that name it.</summary>
    public static List<(string Key, string Problem)> Problems(IConfiguration config, IEnumerable<CheckedSection> sections)
    {
        var problems = new List<(string, string)>();
        foreach (var section in sections)
            Check(config.GetSection(section.Path), section.Type, problems);
        return problems;
    }

    private static void Check(IConfigurationSection section, Type type, List<(string, string)> problems)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(t))
        {
            if (section.Value is { Length: > 0 } value && Refusal(t, value) is { } why)
                problems.Add((section.Path, $"{section.Path} is \"{value}\": {why}"));
            return;
        }
        var element = Element(t);
        if (element is not null)
        {
            foreach (var child in section.GetChildren())
                Check(child, element, problems);
            return;
        }
        if (!t.IsClass)
            return;
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            Check(section.GetSection(property.Name), property.PropertyType, problems);
    }

    private static bool Scalar(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri)
                                          || t == typeof(decimal) || t == typeof(DateTime);

    /// <summary>The value type of a list or string-keyed dictionary, or null.</summary>
    private static Type? Element(Type t)
    {
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) || !t.IsGenericType)
            return null;
        return t.GetGenericArguments()[^1];
    }

    private static string? Refusal(Type t, string value)
    {
        var c = CultureInfo.InvariantCulture;
        if (t == typeof(TimeSpan))
        {
            if (value.All(char.IsAsciiDigit))
                return $"a bare number is read as {value} days; write the unit with separators, e.g. 00:{value.PadLeft(2, '0')}:00 for {value} minutes or {value}.00:00:00 for {value} days.";
            return TimeSpan.TryParse(value, c, out _) ? null
                : "not a duration; write [d.]hh:mm:ss, e.g. 00:30:00 (30 minutes) or 2.00:00:00 (2 days).";
        }
        if (t == typeof(bool))
            return bool.TryParse(value, out _) ? null : "not true or false; write true or false.";
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
            return double.TryParse(value, NumberStyles.Float, c, out _) ? null : "not a number; write it with a dot and no unit, e.g. 0.75.";
        if (t == typeof(int) || t == typeof(long))
            return long.TryParse(value, NumberStyles.Integer, c, out _) ? null : "not a whole number; write digits only, e.g. 5.";
        if (t == typeof(Uri))
            return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) ? null : "not a URL; write e.g. https://slack.com/api/.";
        if (t.IsEnum)
            return Enum.TryParse(t, value, ignoreCase: true, out _) ? null : $"not one of {string.Join(", ", Enum.GetNames(t))}.";
        return null;
    }
}
