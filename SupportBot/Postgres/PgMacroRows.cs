using SupportBot.Macros;

namespace SupportBot.Postgres;

public sealed class PgMacroRows(PgSession s) : IMacroRows
{
    public List<Macro> All() => s.Docs<Macro>("select doc from macros order by id");

    public Macro? Find(string id) => s.Doc<Macro>($"select doc from macros where id = @id{s.ForUpdate}", ("id", id));

    public void Upsert(Macro macro) => s.Execute(
        "insert into macros (id, doc) values (@id, @doc) on conflict (id) do update set doc = excluded.doc",
        ("id", macro.Id), ("doc", new Jsonb(PgJson.Write(macro))));

    public void Delete(string id) => s.Execute("delete from macros where id = @id", ("id", id));
}
