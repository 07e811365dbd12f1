using SupportBot.Cli;

namespace SupportBot.Tests.Cli;

/// <summary>
/// Arguments that reach the server are ASP.NET Core configuration (<c>--key value</c>, <c>--key=value</c>,
/// <c>/key value</c>, <c>key=value</c>); a mistyped verb or a switch that sets nothing is refused instead of being
/// ignored by the configuration reader while a second bot starts.
/// </summary>
public sealed class ServerArgumentsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5000")]
    [InlineData("--urls=http://+:8080")]
    [InlineData("--Slack:SupportChannel=C1")]
    [InlineData("--environment Staging")]
    [InlineData("Slack:SupportChannel=C1")]
    [InlineData("/urls http://127.0.0.1:5000")]
    [InlineData("--contentRoot=/srv/app --environment=Development --applicationName SupportBot")] // WebApplicationFactory's
    [InlineData("--Outbox:MaxAttempts -1")]
    public void Configuration_arguments_are_for_the_server(string args) =>
        Assert.Null(ServerArguments.Problem(Split(args)));

    [Theory]
    [InlineData("outbx list", "outbx", "outbox")]
    [InlineData("list", "list", null)]
    [InlineData("--hepl", "--hepl", "--help")]
    [InlineData("--healthchek", "--healthchek", "--healthcheck")]
    [InlineData("--urls http://127.0.0.1:5000 --verbose", "--verbose", null)]
    [InlineData("--verbose --urls http://127.0.0.1:5000", "--verbose", null)]
    [InlineData("-v", "-v", null)]
    [InlineData("deadleters", "deadleters", "deadletters")]
    public void An_unknown_verb_or_a_switch_without_a_value_is_refused_by_name(string args, string named, string? suggested)
    {
        var problem = ServerArguments.Problem(Split(args));

        Assert.NotNull(problem);
        Assert.Contains($"'{named}'", problem, StringComparison.Ordinal);
        if (suggested is not null)
            Assert.Contains($"did you mean {suggested}?", problem, StringComparison.Ordinal);
    }

    private static string[] Split(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
