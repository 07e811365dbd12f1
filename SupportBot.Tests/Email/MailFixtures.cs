using MimeKit;

namespace SupportBot.Tests.Email;

/// <summary>The .eml files under Fixtures: mails as Gmail, Outlook, Apple Mail and Exchange write them, byte for byte.</summary>
public static class MailFixtures
{
    public static MimeMessage Load(string name) =>
        MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "Email", "Fixtures", name));
}
