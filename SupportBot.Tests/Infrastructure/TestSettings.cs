using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Infrastructure;

/// <summary>The workspace every test plays in.</summary>
public static class TestSettings
{
    public const string Secret = "8f742231b10e8888abcd99fffeee85a5";
    public const string Token = "xoxb-test-token";
    public const string SupportChannel = "C_SUPPORT";
    public const string Engineer = "U_ENG1";
    public const string Engineer2 = "U_ENG2";
    public const string CustomerChannel = "C_ACME";
    public const string Customer = "U_CUST1";
    public const string Ce = "U_CE1";
    public const string HelpChannel = "C_HELP";

    /// <summary>A request from the customer in the customer channel, as the form would make it.</summary>
    public static TicketDraft Draft(string subject) =>
        new(subject, "details", Priority.Normal, Customer, CustomerChannel, TicketSource.RequestForm);
}
