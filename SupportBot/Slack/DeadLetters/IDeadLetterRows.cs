using SupportBot.Storage;

namespace SupportBot.Slack.DeadLetters;

/// <summary>Requests that could not be handled, kept for a person to look at and replay.</summary>
public interface IDeadLetterRows
{
    /// <summary>Stores the letter with a new id, and returns it.</summary>
    long Insert(DeadLetter letter);

    /// <summary>Every letter, oldest first.</summary>
    List<DeadLetter> All();

    int Count();

    bool Delete(long id);
}

/// <summary>Names the IDeadLetterRows on a store session: <c>session.DeadLetters</c>.</summary>
public static class DeadLetterRowsAccess
{
    extension(IStoreSession session)
    {
        public IDeadLetterRows DeadLetters => session.Rows<IDeadLetterRows>();
    }
}
