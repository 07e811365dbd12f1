using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Csat;

/// <summary>The rating links of a CSAT mail, and the page they open, as a customer's browser (or a mail scanner) sees it.</summary>
public static partial class CsatLinks
{
    public const string PublicUrl = "https://support.example.test";

    /// <summary>An email ticket from Dana, as the mail intake makes it (the mailbox itself is the Email tests' business).</summary>
    public static int EmailTicket(this SupportBotApp app) => app.Get<TicketStore>().Change(set => set.Insert(new Ticket
    {
        Subject = "Export fails", Description = "It times out.", Source = TicketSource.Email, RequesterId = "dana@customer.test",
        RequesterName = "Dana", Via = new CustomerConversation
        {
            Kind = ConversationKind.Email, Address = "dana@customer.test", Name = "Dana", Reference = "<m1@customer.test>",
            LastMessageId = "<m1@customer.test>", Subject = "Export fails",
        },
    })).Number;

    /// <summary>The rating ("good", "ok", "bad") to link path of every link in <paramref name="text"/>.</summary>
    public static Dictionary<string, string> Links(string text) =>
        Link().Matches(text).ToDictionary(m => m.Groups[2].Value, m => "/csat/" + m.Groups[1].Value);

    /// <summary>The page's status and its text with HTML character references read (the page encodes emoji).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> OpenAsync(this SupportBotApp app, string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<(HttpStatusCode Status, string Body)> ConfirmAsync(this SupportBotApp app, string path, string comment = "")
    {
        using var form = new FormUrlEncodedContent([new("comment", comment)]);
        var response = await app.CreateClient().PostAsync(new Uri(path, UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex(@"https://support\.example\.test/csat/(\d+\.(good|ok|bad)\.\d+\.[0-9a-f]+)")]
    private static partial Regex Link();
}
