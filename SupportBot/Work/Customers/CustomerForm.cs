using SupportBot.Customers;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Work.Customers;

/// <summary>The customer record modal. The record's key rides in private_metadata, so a rename replaces it.</summary>
public static class CustomerForm
{
    public const string CallbackId = "customer_record";
    public const string InputAction = "value";
    public const string NameBlock = "name", ChannelsBlock = "channels", TierBlock = "tier", LifecycleBlock = "lifecycle",
        ContractBlock = "contract", CeBlock = "ce", DomainsBlock = "domains", NotesBlock = "notes", ExceptionsBlock = "exceptions", LinksBlock = "links";
    public const int MaxText = 2000;

    public static ModalView Build(Customer? customer, string? newName = null)
    {
        var stages = Enum.GetValues<CustomerLifecycle>().Select(s => OptionObject.Of(s.Display(), s.ToString())).ToList();
        var contracts = Enum.GetValues<SupportContract>().Select(c => OptionObject.Of(c.Display(), c.ToString())).ToList();
        return new ModalView(CallbackId, TextObject.Plain("Customer record"),
        [
            Text(NameBlock, "Name", customer?.Name ?? newName, optional: false),
            Text(ChannelsBlock, "Channel ids", customer is null ? null : string.Join(", ", customer.Channels), hint: "Comma-separated, e.g. C0123ABC, C0456DEF"),
            Text(DomainsBlock, "Mail domains", customer is null ? null : string.Join(", ", customer.Domains),
                hint: "Comma- or space-separated, e.g. acme.com, acme.co.uk: mail (and GitHub users' public email) from these domains and their subdomains is this customer's"),
            Text(TierBlock, "Tier", customer?.Tier),
            new InputBlock(TextObject.Plain("Lifecycle stage"), new StaticSelectElement(stages)
            {
                ActionId = InputAction, InitialOption = stages[(int)(customer?.Lifecycle ?? CustomerLifecycle.Customer)],
            }) { BlockId = LifecycleBlock },
            new InputBlock(TextObject.Plain("Support contract"), new StaticSelectElement(contracts)
            {
                ActionId = InputAction, InitialOption = contracts[(int)(customer?.Contract ?? SupportContract.Standard)],
            }) { BlockId = ContractBlock },
            Text(CeBlock, "CE (user id)", customer?.Ce, hint: "The customer engineer's Slack user id, e.g. U0123ABC"),
            Text(NotesBlock, "Notes", customer?.Notes, multiline: true),
            Text(ExceptionsBlock, "Exceptions", customer?.Exceptions, multiline: true, hint: "What this customer gets that others do not"),
            Text(LinksBlock, "Links", customer is null ? null : string.Join("\n", customer.Links), multiline: true,
                hint: "One a line: account doc, CRM record, dashboards (label: https://…)"),
        ])
        {
            Submit = TextObject.Plain("Save"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = customer?.Key ?? "",
        };
    }

    private static InputBlock Text(string block, string label, string? value, bool optional = true, bool multiline = false, string? hint = null) =>
        new(TextObject.Plain(label), new PlainTextInputElement
        {
            ActionId = InputAction, InitialValue = string.IsNullOrEmpty(value) ? null : value, Multiline = multiline ? true : null, MaxLength = MaxText,
        })
        {
            BlockId = block, Optional = optional ? true : null, Hint = hint is null ? null : TextObject.Plain(hint),
        };

    public static string? Value(ViewState state, string block) => state.Get(block, InputAction)?.Value?.Trim() is { Length: > 0 } v ? v : null;

    public static string? Selected(ViewState state, string block) => state.Get(block, InputAction)?.SelectedOption?.Value;
}
