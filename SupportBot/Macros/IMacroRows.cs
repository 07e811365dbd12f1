using SupportBot.Storage;

namespace SupportBot.Macros;

/// <summary>Saved replies, keyed by <see cref="Macro.Id"/> (the name in lower case).</summary>
public interface IMacroRows
{
    List<Macro> All();

    Macro? Find(string id);

    void Upsert(Macro macro);

    void Delete(string id);
}

/// <summary>Names the IMacroRows on a store session: <c>session.Macros</c>.</summary>
public static class MacroRowsAccess
{
    extension(IStoreSession session)
    {
        public IMacroRows Macros => session.Rows<IMacroRows>();
    }
}
