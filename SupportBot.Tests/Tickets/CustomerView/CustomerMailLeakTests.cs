using SupportBot.Tests.Csat;
using SupportBot.Tests.Email;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Tickets.CustomerView.InternalSecrets;

namespace SupportBot.Tests.Tickets.CustomerView;

/// <summary>
/// Issue 23 item 1 by mail: a mail customer whose ticket carries a secret in every internal field (the tier and CE
/// too) finds none in any mail the bot sends them, nor on the rating page their CSAT link opens.
/// </summary>
public sealed class CustomerMailLeakTests : CsatLinkApp
{
    private const string CeId = "U_CESECRET";
    private readonly SmtpSink _smtp;

    public CustomerMailLeakTests() : this(new SmtpSink())
    {
    }

    private CustomerMailLeakTests(SmtpSink smtp) : base(smtp, WithCollab(smtp.Settings()), CsatLinks.PublicUrl) => _smtp = smtp;

    [Fact]
    public async Task No_internal_field_reaches_the_customers_mail_or_the_rating_page()
    {
        var number = App.Get<TicketStore>().Change(set => set.Insert(new Ticket
        {
            Subject = "Export fails", Description = "It times out.", Source = TicketSource.Email, RequesterId = "dana@customer.test",
            RequesterName = "Dana", CustomerName = "Customer Inc", Tier = In("tier"), CeId = CeId,
            Via = new CustomerConversation
            {
                Kind = ConversationKind.Email, Address = "dana@customer.test", Name = "Dana", Reference = "<m1@customer.test>",
                LastMessageId = "<m1@customer.test>", Subject = "Export fails",
            },
        })).Number;

        await PlantAsync(App, number);
        await SolveAsync(App, number);
        var question = Assert.Single(await _smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("How did we do", StringComparison.Ordinal)));
        var (status, page) = await App.OpenAsync(CsatLinks.Links(question.TextBody!)["good"]);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        NoneIn("the rating page", page, CeId, "your CE");
        var mails = _smtp.Mails.Where(m => m.To.ToString().Contains("dana@customer.test", StringComparison.Ordinal)).ToList();
        Assert.Contains(mails, m => (m.TextBody ?? "").Contains("will help you", StringComparison.Ordinal));
        Assert.Contains(mails, m => (m.TextBody ?? "").Contains("marked #", StringComparison.Ordinal));
        Assert.All(mails, m => NoneIn($"the mail “{m.Subject}”", $"{m.Subject}\n{m.TextBody}\n{m.HtmlBody}", CeId, "your CE"));
    }
}
