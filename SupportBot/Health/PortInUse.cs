using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace SupportBot.Health;

/// <summary>
/// A port another process holds stops the bot with one line naming the port and exit code 2, instead of an unhandled
/// exception (exit 134) and the host's own 30-line error log of the same failure.
/// </summary>
public static partial class PortInUse
{
    /// <summary>Set once Kestrel's bind fails; from then on the log's warnings and errors are this failure's echoes.</summary>
    private sealed class BindFailure
    {
        public volatile bool Seen;

        public void Notice(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is AddressInUseException)
                Seen = true;
        }
    }

    /// <summary>
    /// Keeps warnings and errors out of the log once a bind failed: the host's "Hosting failed to start" with its stack
    /// trace, and those of the services that started before the server (it starts last) and are disposed mid-work
    /// (a cancelled warm-up, a search index commit). The one line <see cref="RunOrExplainAsync"/> prints says it all.
    /// Until then nothing changes.
    /// </summary>
    public static IHostApplicationBuilder AddPortInUseMessage(this IHostApplicationBuilder builder)
    {
        var failure = new BindFailure();
        builder.Services.AddSingleton(failure);
        builder.Services.AddSingleton<ExitCode>();
        // a rule of our own would replace the configured level of the category it names: instead, every configured
        // rule (and the default level, as a rule) gets the extra condition, so whichever rule applies keeps its level
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var rules = options.Rules.ToList();
            rules.Insert(0, new LoggerFilterRule(null, null, options.MinLevel, null));
            options.Rules.Clear();
            foreach (var rule in rules)
            {
                var filter = rule.Filter;
                options.Rules.Add(new LoggerFilterRule(rule.ProviderName, rule.CategoryName, rule.LogLevel, (provider, category, level) =>
                    !(failure.Seen && level >= LogLevel.Warning) && (filter?.Invoke(provider, category, level) ?? true)));
            }
        });
        return builder;
    }

    /// <summary>Runs the app until it stops: 0, or 2 when a port it should listen on is taken.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        var failure = app.Services.GetRequiredService<BindFailure>();
        var exit = app.Services.GetRequiredService<ExitCode>(); // the services are disposed once the app has run
        string?[] configured = [app.Configuration["urls"], app.Configuration["http_ports"], app.Configuration["https_ports"]]; // read now: the host is gone after a failed start
        // the host logs the failure before it reaches the catch below: the first-chance throw is the earliest sign
        AppDomain.CurrentDomain.FirstChanceException += failure.Notice;
        app.Lifetime.ApplicationStarted.Register(() => AppDomain.CurrentDomain.FirstChanceException -= failure.Notice);
        try
        {
            await app.RunAsync();
            return exit.Value;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            Console.Error.WriteLine(Message(e.Message, configured.OfType<string>()));
            return 2;
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= failure.Notice;
        }
    }

    /// <summary>
    /// Kestrel's message names the address ("Failed to bind to address http://127.0.0.1:5000: address already in
    /// use."); when its wording changes, the configured addresses are named instead.
    /// </summary>
    internal static string Message(string kestrelMessage, IEnumerable<string> configured)
    {
        var address = Address().Match(kestrelMessage) is { Success: true } m ? m.Groups[1].Value : null;
        var where = address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? $"port {uri.Port} ({address})"
            : $"a port of {string.Join(", ", configured)}";
        return $"error: {where} is already in use (ASPNETCORE_HTTP_PORTS / ASPNETCORE_URLS): stop the other process or choose another port";
    }

    [GeneratedRegex(@"address (\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
