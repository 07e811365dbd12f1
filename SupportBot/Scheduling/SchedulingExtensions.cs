namespace SupportBot.Scheduling;

public static class SchedulingExtensions
{
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder) => builder;
}
