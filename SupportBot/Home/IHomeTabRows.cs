namespace SupportBot.Home;

/// <summary>The App Home tabs engineers opened, and when each is due a refresh.</summary>
public interface IHomeTabRows
{
    HomeTabs.HomeTab? Find(string userId);

    void Insert(HomeTabs.HomeTab tab);

    void Update(HomeTabs.HomeTab tab);

    /// <summary>Tabs whose refresh is due by <paramref name="now"/>.</summary>
    List<HomeTabs.HomeTab> Due(DateTime now);
}
