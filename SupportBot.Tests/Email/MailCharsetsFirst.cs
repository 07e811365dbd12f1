using System.Runtime.CompilerServices;
using SupportBot.Email;

namespace SupportBot.Tests.Email;

/// <summary>
/// The test process parses mail (SmtpSink, Mails) before any app starts, and MimeKit fixes its charsets on first
/// use: register them as the test assembly loads, as the app does as its own assembly loads.
/// </summary>
internal static class MailCharsetsFirst
{
#pragma warning disable CA2255 // a test assembly: it must run before any test touches MimeKit
    [ModuleInitializer]
    internal static void OnLoad() => MailCharsets.Register();
#pragma warning restore CA2255
}
