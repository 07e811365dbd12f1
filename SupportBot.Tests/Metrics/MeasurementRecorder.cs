using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Metrics;

/// <summary>
/// Records what one app's <c>supportbot_*</c> instruments measure. Only that app's meters (those of its own
/// <see cref="IMeterFactory"/>) are heard, so apps of tests running in parallel do not add to the counts.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> _seen = new();

    public MeasurementRecorder(SupportBotApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name.StartsWith("supportbot_", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="name"/> recorded with every given tag value.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) =>
        _seen.Where(m => m.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

    public IReadOnlyList<double> Values(string name) => _seen.Where(m => m.Name == name).Select(m => m.Value).ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value?.ToString();
        _seen.Enqueue((instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
