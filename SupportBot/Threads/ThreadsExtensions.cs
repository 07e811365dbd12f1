namespace SupportBot.Threads;

public static class ThreadsExtensions
{
    public static IHostApplicationBuilder AddThreads(this IHostApplicationBuilder builder) => builder;
}
