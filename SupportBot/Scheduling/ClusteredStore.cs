using Microsoft.Extensions.Options;
using Quartz;
using SupportBot.Storage;

namespace SupportBot.Scheduling;

/// <summary>
/// With <c>ConnectionStrings:Postgres</c> set, Quartz keeps its jobs and triggers in PostgreSQL (the qrtz_ tables of
/// migration 0001) and the replicas form one cluster: a trigger fires on one replica, a
/// <see cref="DisallowConcurrentExecutionAttribute"/> job runs on one at a time, and a replica that stops checking
/// in has its triggers and interrupted jobs taken over by another.
/// </summary>
public static class ClusteredStore
{
    public static void Use(IQuartzBuilder quartz, IServiceCollection services)
    {
        quartz.UsePersistentStore(store =>
        {
            // the connection string is read when the scheduler is built, through the same named setting
            store.UsePostgres(source => source.ConnectionStringName = StoreEngine.PostgresConnectionName);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(); // also gives each replica a generated instance id (AUTO)
            // the schema is the migrations' job; Quartz only checks it is there
            store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.Validate);
        });
        // the pace comes from Scheduling:ClusterCheckinInterval, read once options are built (tests shorten it)
        AfterOptions<ClusteringOptions>(services, (clustering, interval) =>
        {
            clustering.CheckinInterval = interval;
            clustering.CheckinMisfireThreshold = interval;
        });
        // an idle replica looks again this often, so a sweep another replica released or left behind waits no longer
        AfterOptions<QuartzSchedulerOptions>(services, (scheduler, interval) => scheduler.IdleWaitTime = interval);
        // every start declares the same jobs and triggers, which the database already holds: replace them, and let a
        // replaced trigger keep its firing history so a restart does not fire every scan at once
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = true;
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
    }

    private static void AfterOptions<TOptions>(IServiceCollection services, Action<TOptions, TimeSpan> apply) where TOptions : class =>
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => new PostConfigureOptions<TOptions>(null,
            options => apply(options, sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.ClusterCheckinInterval)));
}
