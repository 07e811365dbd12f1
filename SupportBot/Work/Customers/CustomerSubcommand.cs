using SupportBot.Customers;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Work.Customers;

/// <summary>
/// <c>/status customer</c> in a customer channel, or <c>/status customer Acme</c> anywhere: opens the customer's
/// record in a modal. A name no record has opens an empty record by that name.
/// </summary>
public sealed class CustomerSubcommand(CustomerStore store, FormOpener opener) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["customer"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} customer [name]` edits a customer's record (mail domains, tier, lifecycle, contract, CE, exceptions, links)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var name = request.Rest.Trim();
        var channel = request.Slash.ChannelId;
        var customer = name.Length > 0 ? store.Named(name) : store.ForChannel(channel);
        if (customer is null && name.Length == 0)
            return Answer($"{SlackText.Channel(channel)} belongs to no customer. Name one: `{request.Command} customer Acme` " +
                          "(a new name starts a new record).");
        if (string.IsNullOrEmpty(request.Slash.TriggerId))
            return Answer("Slack sent no trigger to open the form with; please run the command again.");
        opener.Open(request.Slash, CustomerForm.Build(customer, customer is null ? name : null));
        return Answer(customer is null
            ? $"No customer is named `{SlackText.Quote(name)}`; opening a new record."
            : $"Opening {SlackText.Escape(customer.Name)}'s record.");
    }

    private static Task<SlackMessage> Answer(string text) => Task.FromResult(SlackMessage.Ephemeral(text));
}
