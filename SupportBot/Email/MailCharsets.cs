using System.Runtime.CompilerServices;
using System.Text;
using MimeKit;

namespace SupportBot.Email;

/// <summary>
/// Charsets MimeKit can only decode when .NET knows them (without the code pages provider .NET knows UTF, ASCII and
/// Latin-1 only, and MimeKit then shows ISO-2022-JP, Shift_JIS, windows-1252… undecoded; the provider was only
/// registered by chance, by another library starting first), and the one it cannot see in a header: older Japanese
/// mailers write ISO-2022-JP straight into Subject and From, unencoded. Its escape sequences are 7-bit, so the
/// header parses as ASCII and shows them raw ("ESC $B…"); decoded here from the header's raw bytes.
/// </summary>
public static class MailCharsets
{
    private const char Escape = '\u001b';

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>
    /// Makes every code page .NET ships known to MimeKit. MimeKit builds its charset table once, when first used, so
    /// this must come before any mail is parsed: the module initializer runs it as the app's assembly loads.
    /// </summary>
    public static void Register() => _ = Registered.Value;

#pragma warning disable CA2255 // the app's own assembly: it must run before anything touches MimeKit
    [ModuleInitializer]
    internal static void OnLoad() => Register();
#pragma warning restore CA2255

    /// <summary>The header's text where it was written in raw ISO-2022-JP, decoded; null for any other header.</summary>
    public static string? Text(MimeMessage mail, HeaderId id)
    {
        var value = mail.Headers[id];
        if (value is null || !value.Contains(Escape, StringComparison.Ordinal) || mail.Headers.FirstOrDefault(h => h.Id == id) is not { } header)
            return null; // RFC 2047 or plain: MimeKit decodes it
        var decoded = Encoding.GetEncoding("iso-2022-jp").GetString(header.RawValue);
        return string.Join(' ', decoded.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }
}
