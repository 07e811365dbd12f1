namespace SupportBot.Slack;

/// <summary>
/// A list setting given as one value (<c>Slack__SupportTeam=U1,U2</c>, handy in an environment variable): the
/// configuration binder ignores a scalar where it expects a list, so it is split here instead.
/// </summary>
public static class ListSetting
{
    public static List<string> Read(IConfiguration config, string key, List<string> bound) =>
        config[key] is { Length: > 0 } scalar
            ? [.. scalar.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : bound;
}
