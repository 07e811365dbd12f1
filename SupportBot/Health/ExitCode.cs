namespace SupportBot.Health;

/// <summary>
/// The exit code a part of the app that stops it asks for (the LiteDB store check: 2 for a damaged data file), so
/// the process says why it ended; 0 unless one did. A singleton, not <see cref="Environment.ExitCode"/>, which a
/// test app would set for the whole test process.
/// </summary>
public sealed class ExitCode
{
    private volatile int _value;

    public int Value => _value;

    public void Fail(int code) => _value = code;
}
