using SupportBot.Email;

namespace SupportBot.Tests.Email;

/// <summary>What a mail becomes as text, outside the app: no host has registered anything for it.</summary>
public sealed class MailTextTests
{
    [Fact]
    public void An_iso_2022_jp_mail_is_decoded_without_a_host()
    {
        var mail = MailFixtures.Load("iso-2022-jp.eml");
        Assert.Equal("CSVのエクスポートが3分後にタイムアウトします。\nよろしくお願いします。", MailText.Of(mail).Text);
        Assert.Equal("エクスポートが失敗します", MailText.Subject(mail));
    }

    [Fact]
    public void A_subject_written_in_raw_iso_2022_jp_is_decoded()
    {
        var mail = MailFixtures.Load("iso-2022-jp-raw-subject.eml");
        Assert.Equal("見積もりについて", MailText.Subject(mail));
        Assert.Equal("佐藤 花子", MailText.SenderName(mail));
    }
}
