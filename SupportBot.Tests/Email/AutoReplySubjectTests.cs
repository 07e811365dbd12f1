using SupportBot.Email;

namespace SupportBot.Tests.Email;

public sealed class AutoReplySubjectTests
{
    [Theory]
    [InlineData("Out of Office: Re: [#1] Export fails")]
    [InlineData("Automatic reply: Export fails")]
    [InlineData("Auto: Export fails")]
    [InlineData("Abwesenheitsnotiz: AW: Export fails")]
    [InlineData("Automatische Antwort: Export fails")]
    [InlineData("Absence du bureau : Export fails")]
    [InlineData("Réponse automatique : Export fails")]
    [InlineData("Respuesta automática: Export fails")]
    [InlineData("Fuera de la oficina: Export fails")]
    [InlineData("Automatisch antwoord: Export fails")]
    [InlineData("Afwezig: Export fails")]
    [InlineData("Autosvar: Export fails")]
    [InlineData("Frånvaro: Export fails")]
    [InlineData("自動応答: Export fails")]
    [InlineData("【自動応答】Re: Export fails")]
    [InlineData("不在のお知らせ")]
    [InlineData("Out of office")]
    public void An_auto_reply_prefix_in_each_language_is_recognised(string subject) => Assert.NotNull(AutoReplySubject.Of(subject));

    [Theory]
    [InlineData("Question about our Out of Office: policy")]
    [InlineData("Re: Automatic reply: loops with your bot")]
    [InlineData("Auto renewal failed")]
    [InlineData("Automatic replies are not sent")]
    [InlineData("Afwezigheid van data in export")]
    [InlineData("不在着信の表示がおかしい")]
    [InlineData("")]
    public void Those_words_elsewhere_in_a_subject_are_a_request(string subject) => Assert.Null(AutoReplySubject.Of(subject));
}
