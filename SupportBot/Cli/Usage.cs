namespace SupportBot.Cli;

/// <summary>What <c>--help</c> prints: the verbs and every setting (README.md has the long form).</summary>
public static class Usage
{
    public const string Text = """
        SupportBot: a support team's ticket workflow inside Slack.

        Usage:
          dotnet SupportBot.dll                      run the bot (HTTP on ASPNETCORE_HTTP_PORTS / ASPNETCORE_URLS, default port 8080)
          dotnet SupportBot.dll --help               this text
          dotnet SupportBot.dll --healthcheck        ask the running bot's /health; exit 0 when healthy (the Docker HEALTHCHECK)
          dotnet SupportBot.dll outbox list          messages the outbox set aside for good, with Slack's reason
          dotnet SupportBot.dll outbox retry ID|all  put them back in line; they go out when the bot starts
          dotnet SupportBot.dll deadletters list     events and interactions that could not be handled or stored
          dotnet SupportBot.dll deadletters retry ID|all   hand dead-letter events to their handlers again on the next start
        Store verbs use the bot's settings (ConnectionStrings:LiteDb); stop the bot before running them.

        Settings (appsettings.json, or environment variables with __ for :, e.g. Slack__SupportChannel=C0123):
          Slack:BotToken (SLACK_BOT_TOKEN)            required; the bot token, xoxb-…
          Slack:SigningSecret (SLACK_SIGNING_SECRET)  required for the HTTP endpoints; the hex signing secret
          Slack:AppToken (SLACK_APP_TOKEN)            xapp-… app-level token: run in Socket Mode (no public URL needed)
          Slack:SupportChannel                        required; channel id (C…) of #customer-support
          Slack:SupportTeam                           user ids (U…) of the engineers; a list, or one value "U1,U2"
          Slack:SupportGroup                          a user group id (S…) whose members count as the team
          Slack:HelpChannels                          channel ids (C…) where every post becomes a ticket
          Slack:TicketEmoji                           default ticket; an engineer's reaction with it makes a ticket
          Slack:AllowBots                             default false; other apps' bot messages count as people
          Slack:Commands:Take, Slack:Commands:Status  default /take, /ticket (Slack reserves /status)
          Slack:ApiBaseUrl                            default https://slack.com/api/
          ConnectionStrings:LiteDb                    default Filename=supportbot.db
          Customers:N:Name|Channels|Tier|Ce|Notes     the customers, their channel ids and CE's user id
          Outbox:MaxAttempts|MaxBackoff|Concurrency|PerChannelInterval   default 300, 00:05:00, 4, 00:00:01
          Sla:TimeZone, Sla:BusinessHours:<Day>, Sla:Holidays            default UTC, Mon-Fri 09:00-17:00, none
          Sla:FirstResponse:Urgent|High|Normal|Low    default 00:30:00, 01:00:00, 02:00:00, 08:00:00 (durations are [d.]hh:mm:ss)
          Sla:Tiers:<Tier>:FirstResponse:<Priority>   per-tier overrides
          Sla:AtRisk, Sla:NagEvery, Sla:MaxNags       default 0.75, 00:30:00, 6
          Sla:EscalateTo                              user ids or a group id mentioned on a breach
          Sla:PendingFollowUps, Sla:PendingAutoSolveAfter, Sla:SolvedAutoCloseAfter   default 2, 2.00:00:00, 3.00:00:00
          Scheduling:ScanInterval, Scheduling:Enabled default 00:01:00, true
          Logging:Console:FormatterName               simple (default, timestamped) or json

        """;
}
