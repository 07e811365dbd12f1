using SupportBot.Storage;

namespace SupportBot.Email;

/// <summary>
/// How far a mailbox has been read: the last UID handled under the folder's UIDVALIDITY. Each mail's ticket
/// commits with its Message-Id key first, so a restart between the two re-reads at most that mail, which then
/// finds its key and does nothing.
/// </summary>
public sealed class MailboxCursor
{
    public string Mailbox { get; set; } = "";
    public uint UidValidity { get; set; }
    public uint LastUid { get; set; }
}

public sealed class MailboxCursors(IStoreGate gate)
{
    /// <summary>Where to read from; a changed UIDVALIDITY means the server renumbered the folder, so it is read again from the start.</summary>
    public uint After(string mailbox, uint uidValidity) =>
        gate.Read(s => s.MailboxCursors.Find(mailbox) is { } c && c.UidValidity == uidValidity ? c.LastUid : 0u);

    public void Advance(string mailbox, uint uidValidity, uint uid) => gate.Write(s =>
        s.MailboxCursors.Upsert(new MailboxCursor { Mailbox = mailbox, UidValidity = uidValidity, LastUid = uid }));
}
