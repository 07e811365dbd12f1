using System.Text.RegularExpressions;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Tickets.Resolution;
using static SupportBot.Customers.CustomerForm;

namespace SupportBot.Customers;

/// <summary>The customer record submitted: checked field by field, saved with who and when.</summary>
public sealed partial class CustomerFormSubmission(CustomerStore store, SupportTeam team) : IViewSubmissionHandler
{
    public string CallbackId => CustomerForm.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var state = payload.View?.State ?? new ViewState();
        var user = payload.User!.Id;
        var errors = new Dictionary<string, string>();
        if (!team.IsMember(user))
            errors[NameBlock] = "Only the support team can edit customer records.";
        var name = Value(state, NameBlock);
        if (name is null || name.Length > 100)
            errors[NameBlock] = "Please give the customer a name (at most 100 characters).";
        var channels = (Value(state, ChannelsBlock) ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => SlackId(c, '#')).ToList();
        if (channels.Any(c => c is null))
            errors[ChannelsBlock] = "Give channel ids such as C0123ABC, separated by commas.";
        var ce = Value(state, CeBlock) is { } typedCe ? SlackId(typedCe, '@') : null;
        if (Value(state, CeBlock) is not null && ce is null)
            errors[CeBlock] = "Give the CE's user id, such as U0123ABC.";
        var links = (Value(state, LinksBlock) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (links.FirstOrDefault(l => IssueLink.Parse(l.Split(' ')[^1]) is null) is { } badLink)
            errors[LinksBlock] = $"Each line needs a link ending in a full http(s) URL; this one does not: {Cut(badLink)}";
        if (!Enum.TryParse<CustomerLifecycle>(Selected(state, LifecycleBlock) ?? nameof(CustomerLifecycle.Customer), out var stage))
            errors[LifecycleBlock] = "Please pick a lifecycle stage.";
        if (!Enum.TryParse<SupportContract>(Selected(state, ContractBlock) ?? nameof(SupportContract.Standard), out var contract))
            errors[ContractBlock] = "Please pick a support contract.";
        if (errors.Count > 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);

        var edited = new Customer
        {
            Name = name!, Channels = channels.Select(c => c!).Distinct().ToList(), Tier = Value(state, TierBlock), Lifecycle = stage,
            Contract = contract, Ce = ce, Notes = Value(state, NotesBlock), Exceptions = Value(state, ExceptionsBlock), Links = links,
        };
        var previousKey = string.IsNullOrEmpty(payload.View?.PrivateMetadata) ? null : payload.View.PrivateMetadata;
        var refusal = store.Save(edited, previousKey, user);
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(
            refusal is null ? null : new Dictionary<string, string> { [refusal.Contains("channel", StringComparison.Ordinal) ? ChannelsBlock : NameBlock] = refusal });
    }

    /// <summary>A channel or user id as typed, bare (<c>C0123</c>) or as Slack escapes it (<c>&lt;#C0123|name&gt;</c>).</summary>
    private static string? SlackId(string typed, char sigil)
    {
        var t = typed.Trim();
        if (t.StartsWith('<') && t.EndsWith('>'))
            t = t[1..^1].TrimStart(sigil).Split('|')[0];
        return IdPattern().IsMatch(t) ? t : null;
    }

    private static string Cut(string text) => text.Length <= 80 ? text : text[..79] + "…";

    [GeneratedRegex("^[A-Z][A-Z0-9_]{2,30}$")]
    private static partial Regex IdPattern();
}
