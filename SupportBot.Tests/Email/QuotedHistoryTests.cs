using SupportBot.Email;

namespace SupportBot.Tests.Email;

/// <summary>The quote and signature cut, for the forms the app-level tests do not deliver as whole mails.</summary>
public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("De : Acme Support <support@acme.test>\nEnvoyé : jeudi 3 décembre 2026 10:00\nÀ : Dana <dana@customer.test>\nObjet : [#1] Export fails")]
    [InlineData("De: Acme Support <support@acme.test>\nEnviado: jueves, 3 de diciembre de 2026 10:00\nPara: Dana <dana@customer.test>\nAsunto: [#1] Export fails")]
    [InlineData("Från: Acme Support <support@acme.test>\nSkickat: den 3 december 2026 10:00\nTill: Dana <dana@customer.test>\nÄmne: [#1] Export fails")]
    [InlineData("Van: Acme Support <support@acme.test>\nVerzonden: donderdag 3 december 2026 10:00\nAan: Dana <dana@customer.test>\nOnderwerp: [#1] Export fails")]
    [InlineData("________________________________\nFrom: Acme Support <support@acme.test>\nSent: Thursday, December 3, 2026 10:00 AM\nTo: Dana\nSubject: [#1] Export fails")]
    [InlineData("Am 03.12.2026 um 10:00 schrieb Acme Support <support@acme.test>:\n\n> We opened ticket #1.")]
    [InlineData("Le jeu. 3 déc. 2026 à 10:00, Acme Support <support@acme.test> a écrit :\n> We opened ticket #1.")]
    [InlineData("> On 3 Dec 2026, at 10:00, Acme Support <support@acme.test> wrote:\n> \n> We opened ticket #1.")]
    [InlineData("-----Ursprüngliche Nachricht-----\nVon: Acme Support")]
    [InlineData("-- \nDana Customer\n+1 555 0100")]
    [InlineData("Sent from my iPhone")]
    public void Outlooks_headers_in_each_language_attributions_and_signatures_end_the_new_text(string history)
    {
        var mail = "The export still fails.\n\n" + history + "\n\nWe received your request and opened ticket #1.";
        Assert.Equal("The export still fails.", QuotedHistory.NewText(mail));
    }

    [Theory]
    [InlineData("From: the logs I see a timeout.\nIt happens daily.")]
    [InlineData("On Monday I wrote a script: it fails.")]
    [InlineData("> a line I quote\nmy answer to it\n> another\nmy second answer")]
    public void Words_that_only_look_like_history_stay(string text) => Assert.Equal(text, QuotedHistory.NewText(text));

    [Fact]
    public void A_mail_of_quotes_only_says_so() =>
        Assert.Equal(QuotedHistory.OnlyQuoted, QuotedHistory.NewText("On Thu, Dec 3, 2026 at 10:00 AM Acme <support@acme.test> wrote:\n> Hello"));
}
