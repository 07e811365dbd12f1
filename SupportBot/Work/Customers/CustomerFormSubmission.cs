using SupportBot.Customers;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Tickets.Resolution;
using static SupportBot.Work.Customers.CustomerForm;

namespace SupportBot.Work.Customers;

/// <summary>The customer record submitted: checked field by field, saved with who and when.</summary>
public sealed class CustomerFormSubmission(CustomerStore store, SupportTeam team) : IViewSubmissionHandler
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
            .Select(c => SlackMarkup.TryChannel(c, out var id) ? id : null).ToList();
        if (channels.Any(c => c is null))
            errors[ChannelsBlock] = "Give channel ids such as C0123ABC, separated by commas.";
        var domains = MailDomains.Split(Value(state, DomainsBlock)).Select(d => (Typed: d, Domain: MailDomains.Normalize(d))).ToList();
        if (domains.FirstOrDefault(d => d.Domain is null) is { Typed: { } badDomain })
            errors[DomainsBlock] = $"Give bare mail domains such as acme.com, separated by commas; this one is not: {SlackText.Shorten(badDomain, 80)}";
        var ce = Value(state, CeBlock) is { } typedCe && SlackMarkup.TryUser(typedCe, out var ceId) ? ceId : null;
        if (Value(state, CeBlock) is not null && ce is null)
            errors[CeBlock] = "Give the CE's user id, such as U0123ABC.";
        var links = (Value(state, LinksBlock) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (links.FirstOrDefault(l => IssueLink.Parse(l.Split(' ')[^1]) is null) is { } badLink)
            errors[LinksBlock] = $"Each line needs a link ending in a full http(s) URL; this one does not: {SlackText.Shorten(badLink, 80)}";
        if (!Enum.TryParse<CustomerLifecycle>(Selected(state, LifecycleBlock) ?? nameof(CustomerLifecycle.Customer), out var stage))
            errors[LifecycleBlock] = "Please pick a lifecycle stage.";
        if (!Enum.TryParse<SupportContract>(Selected(state, ContractBlock) ?? nameof(SupportContract.Standard), out var contract))
            errors[ContractBlock] = "Please pick a support contract.";
        if (errors.Count > 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);

        var edited = new Customer
        {
            Name = name!, Channels = channels.Select(c => c!).Distinct().ToList(), Domains = domains.Select(d => d.Domain!).Distinct().ToList(), Tier = Value(state, TierBlock), Lifecycle = stage,
            Contract = contract, Ce = ce, Notes = Value(state, NotesBlock), Exceptions = Value(state, ExceptionsBlock), Links = links,
        };
        var previousKey = string.IsNullOrEmpty(payload.View?.PrivateMetadata) ? null : payload.View.PrivateMetadata;
        var refusal = store.Save(edited, previousKey, user);
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(
            refusal is null ? null : new Dictionary<string, string> { [BlockOf(refusal)] = refusal });
    }

    /// <summary>The field a refusal from <see cref="CustomerStore.Save"/> is about.</summary>
    private static string BlockOf(string refusal) =>
        refusal.Contains("channel", StringComparison.Ordinal) ? ChannelsBlock
        : refusal.Contains("domain", StringComparison.Ordinal) ? DomainsBlock
        : NameBlock;
}
