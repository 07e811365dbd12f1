using Microsoft.Extensions.Logging.Console;

namespace SupportBot.Health;

/// <summary>
/// appsettings.json gives every console formatter one TimestampFormat (the section is shared), ending in a space:
/// the simple formatter writes the timestamp straight before the level and needs it as the separator
/// ("…Z info: …"); the JSON formatter writes it as a value, where the space would reach the log collector.
/// </summary>
public static class LogFormats
{
    public static IHostApplicationBuilder AddLogFormats(this IHostApplicationBuilder builder)
    {
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(o => o.TimestampFormat = o.TimestampFormat?.TrimEnd());
        return builder;
    }
}
