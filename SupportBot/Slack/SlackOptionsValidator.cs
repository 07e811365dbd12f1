using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SupportBot.Slack;

/// <summary>Checks what data annotations cannot: shapes of ids and tokens, each message naming the key and the fix.</summary>
public sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public const string ChannelHint = "use the channel id (C… or G…), found at the bottom of the channel's details";
    public const string UserHint = "use the member id (U…), found in the person's profile under ⋮ → Copy member ID";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        if (!options.ApiBaseUrl.IsAbsoluteUri)
            errors.Add("Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.");
        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            errors.Add("Slack:BotToken must be the bot token (xoxb-…) from OAuth & Permissions (a user (xoxp-) or app (xapp-) token does not work here).");
        if (options.SocketMode && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add("Slack:AppToken (or SLACK_APP_TOKEN) must be an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens.");
        if (string.IsNullOrWhiteSpace(options.SigningSecret) && !options.SocketMode)
            errors.Add("Slack:SigningSecret (or SLACK_SIGNING_SECRET) is required: the signing secret from the Slack app's Basic Information page " +
                       "(or set Slack:AppToken to run in Socket Mode, which needs none).");
        else if (!string.IsNullOrWhiteSpace(options.SigningSecret) && !HexSecret().IsMatch(options.SigningSecret))
            errors.Add("Slack:SigningSecret must be the hex signing secret (e.g. 8f74…85a5) from Basic Information, not the client secret or a token.");
        if (!string.IsNullOrWhiteSpace(options.SupportChannel) && !SlackIds.IsChannel(options.SupportChannel))
            errors.Add($"Slack:SupportChannel is \"{options.SupportChannel}\": {ChannelHint}.");
        if (options.SupportTeam.Count == 0 && string.IsNullOrWhiteSpace(options.SupportGroup))
            errors.Add("Slack:SupportTeam (a list of user ids) or Slack:SupportGroup is required: nobody could take tickets.");
        if (options.SupportTeam.Any(string.IsNullOrWhiteSpace))
            errors.Add("Slack:SupportTeam has an empty entry.");
        for (var i = 0; i < options.SupportTeam.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.SupportTeam[i]) && !SlackIds.IsUser(options.SupportTeam[i]))
                errors.Add($"Slack:SupportTeam:{i} is \"{options.SupportTeam[i]}\": {UserHint}.");
        }
        if (!string.IsNullOrWhiteSpace(options.SupportGroup) && !SlackIds.IsGroup(options.SupportGroup))
            errors.Add($"Slack:SupportGroup is \"{options.SupportGroup}\": use the user group id (S…), found in the group's page URL or via usergroups.list.");
        for (var i = 0; i < options.HelpChannels.Count; i++)
        {
            if (!SlackIds.IsChannel(options.HelpChannels[i]))
                errors.Add($"Slack:HelpChannels:{i} is \"{options.HelpChannels[i]}\": {ChannelHint}.");
        }
        if (options.TicketEmoji.Contains(':', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(options.TicketEmoji))
            errors.Add($"Slack:TicketEmoji is \"{options.TicketEmoji}\": write the emoji's name without colons, e.g. ticket.");
        if (!string.IsNullOrWhiteSpace(options.CollaborationChannel) && !SlackIds.IsChannel(options.CollaborationChannel))
            errors.Add($"Slack:CollaborationChannel is \"{options.CollaborationChannel}\": {ChannelHint}.");
        if (!options.Commands.Take.StartsWith('/') || !options.Commands.Status.StartsWith('/'))
            errors.Add("Slack:Commands:Take and Slack:Commands:Status must start with '/'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[0-9a-fA-F]{16,128}$")]
    private static partial Regex HexSecret();
}
