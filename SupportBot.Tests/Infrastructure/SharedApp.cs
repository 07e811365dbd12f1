using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// One app for a whole test class (<c>IClassFixture&lt;SharedApp&gt;</c>), for classes whose tests only send requests
/// and read the answers, leaving nothing another test of the class looks at: the suite starts about a thousand apps on
/// two cores, and each start costs about 200 ms of CPU. xunit runs a class's tests one at a time.
/// </summary>
public class SharedApp : IDisposable
{
    public SharedApp()
        : this(settings: null)
    {
    }

    /// <summary>For a fixture with settings (or services) of its own (xunit wants one public constructor per fixture).</summary>
    protected SharedApp(Dictionary<string, string?>? settings, Action<IServiceCollection>? services = null) =>
        App = new SupportBotApp(settings, services: services);

    public SupportBotApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        App.DeleteDatabase();
        GC.SuppressFinalize(this);
    }
}
