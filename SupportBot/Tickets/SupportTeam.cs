using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SupportBot.Slack;

namespace SupportBot.Tickets;

/// <summary>Who counts as a support engineer: <c>Slack:SupportTeam</c>, plus the members of <c>Slack:SupportGroup</c>.</summary>
public sealed class SupportTeam(IOptions<SlackOptions> options)
{
    private FrozenSet<string> _groupMembers = FrozenSet<string>.Empty;

    public bool IsMember(string? userId) =>
        userId is not null && (options.Value.SupportTeam.Contains(userId, StringComparer.Ordinal) || _groupMembers.Contains(userId));

    /// <summary>Everyone who counts as the team now: the configured engineers, then the group's members.</summary>
    public IReadOnlyList<string> Members => options.Value.SupportTeam.Concat(_groupMembers.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces the user group's members (refreshed periodically from Slack).</summary>
    public void SetGroupMembers(IEnumerable<string> members) => _groupMembers = members.ToFrozenSet(StringComparer.Ordinal);
}
