using System.Text;
using MimeKit;

namespace SupportBot.Tests.Email;

/// <summary>Mails with people in Cc, written as Gmail and Outlook write them (headers as those clients set them).</summary>
public static class ParticipantMails
{
    /// <summary>Gmail: a new request To support@, a colleague and an engineer of the team in Cc.</summary>
    public static MimeMessage GmailWithCc(string subject, string text, params string[] cc) => Load($"""
        MIME-Version: 1.0
        Date: Mon, 7 Dec 2026 09:12:31 +0100
        Message-ID: <CAF{Guid.NewGuid():N}@mail.gmail.com>
        Subject: {subject}
        From: Dana Customer <dana@customer.test>
        To: {Dovecot.User}
        Cc: {string.Join(", ", cc)}
        Content-Type: text/plain; charset="UTF-8"

        {text}
        """);

    /// <summary>Outlook: a reply-all (Thread-Topic, Thread-Index, In-Reply-To and References of the mail answered).</summary>
    public static MimeMessage OutlookReplyAll(string from, string subject, string text, string? inReplyTo, string to, params string[] cc) => Load($"""
        From: {from}
        To: {to}
        CC: {string.Join(", ", cc)}
        Subject: {subject}
        Thread-Topic: {subject}
        Thread-Index: AQHbR2vN5c0mZr1kQ0aT3Yk1hF0V3w==
        Date: Mon, 7 Dec 2026 10:02:11 +0000
        Message-ID: <AM0PR{Guid.NewGuid():N}@AM0PR04MB.eurprd04.prod.outlook.com>
        {(inReplyTo is null ? "X-Mailer: Microsoft Outlook 16.0" : $"In-Reply-To: <{inReplyTo}>\nReferences: <{inReplyTo}>")}
        Accept-Language: en-US
        Content-Language: en-US
        X-MS-Has-Attach:
        X-MS-TNEF-Correlator:
        MIME-Version: 1.0
        Content-Type: text/plain; charset="us-ascii"
        Content-Transfer-Encoding: quoted-printable

        {text}
        """);

    private static MimeMessage Load(string eml) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", eml.Split('\n').Select(l => l.TrimEnd('\r'))))));
}
