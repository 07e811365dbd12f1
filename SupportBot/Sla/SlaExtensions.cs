namespace SupportBot.Sla;

public static class SlaExtensions
{
    public static IHostApplicationBuilder AddSla(this IHostApplicationBuilder builder) => builder;
}
