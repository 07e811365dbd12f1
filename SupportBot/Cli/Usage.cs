namespace SupportBot.Cli;

/// <summary>What <c>--help</c> prints: the verbs and every setting (docs/settings.md has the long form).</summary>
public static class Usage
{
    public const string Text = """
        SupportBot: a support team's ticket workflow inside Slack.

        Usage:
          dotnet SupportBot.dll                      run the bot (HTTP on ASPNETCORE_HTTP_PORTS / ASPNETCORE_URLS; port 5000, 8080 in Docker)
          dotnet SupportBot.dll --help               this text
          dotnet SupportBot.dll --healthcheck        ask the running bot's /health/ready; exit 0 when it can store (the Docker HEALTHCHECK)
          dotnet SupportBot.dll outbox list          messages the outbox set aside for good, with Slack's reason
          dotnet SupportBot.dll outbox retry ID|all  put them back in line; the running bot delivers them at once
          dotnet SupportBot.dll deadletters list     events and interactions that could not be handled or stored
          dotnet SupportBot.dll deadletters retry ID|all   hand dead-letter events to their handlers again
          dotnet SupportBot.dll backup FILE          a consistent copy of the LiteDB data file (PostgreSQL: use pg_dump)
          dotnet SupportBot.dll migrate-store --to-postgres "Host=…;Database=…;Username=…;Password=…"
                                                     copy the LiteDB file into PostgreSQL (schema first), keeping ticket
                                                     numbers; run again safely; prints the counts of each kind
        Store verbs use the bot's settings: with ConnectionStrings:Postgres they work on PostgreSQL, beside the running
        bot; else on the LiteDB file (ConnectionStrings:LiteDb): while the bot runs it runs them for the command
        (a request file beside the data file); stop the bot before migrate-store.

        Settings (appsettings.json, or environment variables with __ for :, e.g. Slack__SupportChannel=C0123):
          Slack:BotToken (SLACK_BOT_TOKEN)            required; the bot token, xoxb-…
          Slack:SigningSecret (SLACK_SIGNING_SECRET)  required for the HTTP endpoints; the hex signing secret
          Slack:AppToken (SLACK_APP_TOKEN)            xapp-… app-level token: run in Socket Mode (no public URL needed)
          Slack:SupportChannel                        required; channel id (C…) of #customer-support
          Slack:SupportTeam                           user ids (U…) of the engineers; a list, or one value "U1,U2"
          Slack:SupportGroup                          a user group id (S…) whose members count as the team
          Slack:CollaborationChannel                  channel id (C…) where `escalate` asks engineering
          Slack:HelpChannels                          channel ids (C…) where every post becomes a ticket
          Slack:TicketEmoji                           default ticket; an engineer's reaction with it makes a ticket
          Slack:AllowBots                             default false; other apps' bot messages count as people
          Slack:Commands:Take, Slack:Commands:Status  default /take, /ticket (Slack reserves /status)
          Slack:ApiBaseUrl                            default https://slack.com/api/
          Slack:MaxClockSkew                          default 00:05:00; how old a signed request may be
          Slack:UnreachableAfter                      default 00:01:00; Slack silent (or Socket Mode down) this long: /health Degraded
          Slack:UserNamesLifetime                     default 01:00:00; how long a name from users.info is kept
          ConnectionStrings:LiteDb                    default Filename=supportbot.db
          ConnectionStrings:Postgres                  PostgreSQL instead of LiteDB (Host=…;Database=…;Username=…;Password=…): several replicas, Quartz clustered
          Postgres:LockTimeout|StatementTimeout|IdleInTransactionTimeout   default off, off, 00:00:02.500 (waits end inside Slack's 3 s)
          Postgres:MaxClockSkew                       default 00:00:02; this replica's clock this far from the database's: /health Degraded
          Health:ProbeInterval                        default 00:00:05 (each health check's timer; /health reads the latest results)
          Storage:Backup:Folder, Storage:Backup:Keep  a folder for daily copies of the data file; default keep 7
          Storage:FlushToDisk                         default true; fsync each commit before acknowledging it
          Search:IndexPath                            default beside the data file (supportbot.search/)
          Similarity:Enabled                          default true; local MiniLM embeddings for similar tickets and merge suggestions
          Similarity:DuplicateThreshold|MinSimilarity|SuggestWithin|IndexPath   default 0.6, 0.3, 01:00:00, beside the search index (supportbot.vectors)
          Customers:N:Name|Channels|Tier|Lifecycle|Contract|Ce|Notes|Exceptions|Links|Domains   the customer records (channel ids, CE's user id, mail domains)
          Outbox:MaxAttempts|MaxBackoff|Concurrency|PerChannelInterval|PerChannelBurst   default 300, 00:05:00, 8, 00:00:01, 4
          Outbox:LaneLease                            default 00:00:06 (replicas on PostgreSQL: a killed one's channels wait this long, plus a third)
          Outbox:AuthProbeInterval                    default 00:01:00 (while Slack refuses the token: how often to ask again)
          Sla:TimeZone, Sla:BusinessHours:<Day>, Sla:Holidays            default UTC, Mon-Fri 09:00-17:00, none
          Sla:FirstResponse:Urgent|High|Normal|Low    default 00:30:00, 01:00:00, 02:00:00, 08:00:00 (durations are [d.]hh:mm:ss)
          Sla:Tiers:<Tier>:FirstResponse:<Priority>   per-tier overrides
          Sla:NextReply, Sla:Resolution               default policy's next-reply and resolution targets, default none
          Sla:Policies:N:Match:Tier|Priority|Customer, Sla:Policies:N:FirstResponse|NextReply|Resolution, Sla:Policies:N:Name
                                                      SLA policies, the first that matches sets the targets
          Sla:AtRisk, Sla:NagEvery, Sla:MaxNags       default 0.75, 00:30:00, 6
          Sla:EscalateTo                              user ids or a group id mentioned on a breach
          Sla:PendingFollowUps, Sla:PendingAutoSolveAfter, Sla:SolvedAutoCloseAfter   default 2, 2.00:00:00, 3.00:00:00
          Assignment:Mode                             pull (default: /take) or rotation (new tickets offered by DM in turn)
          Assignment:MaxOpen, Assignment:OfferFor     default 10, 00:10:00 (rotation: skip who holds that many; an offer stands that long)
          Intake:PublicUrl                            the public base URL webhook senders call (HubSpot signs it)
          Intake:GitHub:Secret|Labels|Token|ApiUrl    GitHub issues webhook (off without a secret), comments as answers
          Intake:OpsGenie:Token|Notify                OpsGenie webhook bearer token; who incidents ping (U…, S…, here)
          Intake:HubSpot:Secret                       HubSpot app client secret (v3 signatures)
          Intake:Webhooks:<name>:Secret               a Standard Webhooks sender at /intake/webhook/<name> (whsec_…)
          Email:Mailboxes:N:Name|Host|Port|Security|User|Password|Folder   IMAP mailboxes that become tickets
          Email:Smtp:Host|Port|Security|User|Password|From                 outgoing mail for answers
          Email:PollInterval                          default 00:00:30
          Email:TeamDomains:N                         the team's mail domains, never participants (default: From's)
          Discord:BotToken, Discord:HelpChannels:N    a Discord bot's token (off without); help text channels and forums
          Discord:SupportTeam:N                       Discord user ids whose thread messages are the team's answers
          Discord:ApiBaseUrl, Discord:GatewayUrl      default Discord's (tests point them at fakes)
          Dashboard:PublicUrl                         the dashboard's address; sign-in links start with it
          Dashboard:LinkLifetime|SessionLifetime|WarmUpDelay   default 00:10:00, 12:00:00, 00:00:10
          Csat:Enabled                                default true; a solved ticket asks its requester for a rating
          Csat:LinkLifetime|LinkSecret                default 30.00:00:00, derived from the bot token; mail/GitHub rating links
          Tags:Auto:<n>:Contains:<m>|Tag              none; words in a new ticket's subject or description tag it
          Ai:Endpoint|Model|ApiKey                   an OpenAI-compatible model (off without both): summaries, drafts, subjects
          Ai:Timeout, Ai:IncludeNotes                 default 00:00:20, false (notes are never sent unless true)
          Metrics:Enabled, Metrics:Port               default true, any port; GET /metrics for Prometheus
          Scheduling:ScanInterval, Scheduling:Enabled default 00:01:00, true
          Scheduling:ClusterCheckinInterval           default 00:00:15; with PostgreSQL, how often a replica checks in with the Quartz cluster
          Logging:Console:FormatterName               simple (default, timestamped) or json

        """;
}
