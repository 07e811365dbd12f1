using SupportBot.Slack.DeadLetters;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgDeadLetterRows(PgSession s) : IDeadLetterRows
{
    public long Insert(DeadLetter letter)
    {
        letter.Id = s.Scalar<long>("select nextval('dead_letters_id_seq')");
        s.Execute("insert into dead_letters (id, doc) values (@id, @doc)", ("id", letter.Id), ("doc", new Jsonb(PgJson.Write(letter))));
        return letter.Id;
    }

    public List<DeadLetter> All() => s.Docs<DeadLetter>("select doc from dead_letters order by id");

    public int Count() => (int)s.Scalar<long>("select count(*) from dead_letters");

    public bool Delete(long id) => s.Execute("delete from dead_letters where id = @id", ("id", id)) > 0;
}
