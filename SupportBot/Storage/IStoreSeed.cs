namespace SupportBot.Storage;

/// <summary>Records a feature puts in the store at start (the customers from the settings), whichever engine holds it.</summary>
public interface IStoreSeed
{
    void Seed(IStoreSession session);
}
