using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Email;

/// <summary>A ticket's participants and a customer's mail domains as PostgreSQL keeps them (jsonb), read back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EmailParticipantsPostgresTests(PostgresServer server) : IDisposable
{
    private readonly Dovecot _imap = new();
    private readonly SmtpSink _smtp = new();
    private SupportBotApp? _app;

    public void Dispose()
    {
        _app?.Dispose();
        _smtp.Dispose();
        _imap.Dispose();
    }

    [Fact]
    public async Task Participants_and_customer_domains_round_trip_on_postgres()
    {
        var settings = _imap.Settings();
        foreach (var (k, v) in _smtp.Settings())
            settings[k] = v;
        settings["ConnectionStrings:Postgres"] = server.NewDatabase();
        settings["Customers:1:Name"] = "Customer Inc";
        settings["Customers:1:Domains:0"] = "customer.test";
        _app = new SupportBotApp(settings);
        _ = _app.Services;

        _imap.Deliver(ParticipantMails.GmailWithCc("Export fails", "It times out.", "Lee Colleague <lee@customer.test>"));

        var tickets = _app.Get<TicketStore>();
        Assert.True(await Eventually.TrueAsync(() => tickets.Count() == 1));
        var ticket = tickets.Find(1)!;
        var lee = Assert.Single(ticket.Via!.Participants);
        Assert.Equal(("lee@customer.test", "Lee Colleague", "Customer Inc"), (lee.Address, lee.Name, ticket.CustomerName));
        Assert.Equal(["customer.test"], _app.Get<SupportBot.Customers.CustomerStore>().Named("Customer Inc")!.Domains);
    }
}
