using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Csat;

/// <summary>An app whose customers are reached through a test server (an SMTP sink, a fake GitHub), disposed with it.</summary>
public abstract class CsatLinkApp : IDisposable
{
    private readonly IDisposable _outside;

    protected CsatLinkApp(IDisposable outside, Dictionary<string, string?> settings, string? publicUrl)
    {
        _outside = outside;
        if (publicUrl is not null)
            settings["Dashboard:PublicUrl"] = publicUrl;
        App = new SupportBotApp(settings);
    }

    protected SupportBotApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        App.DeleteDatabase();
        _outside.Dispose();
        GC.SuppressFinalize(this);
    }
}
