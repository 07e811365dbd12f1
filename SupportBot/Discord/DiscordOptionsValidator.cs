using Microsoft.Extensions.Options;

namespace SupportBot.Discord;

/// <summary>Checks the <c>Discord</c> section at start-up; every message names the key to fix.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (options.HelpChannels.Count == 0)
            errors.Add("Discord:HelpChannels needs at least one channel id (a text channel or a forum) when Discord:BotToken is set.");
        Snowflakes("Discord:HelpChannels", options.HelpChannels, errors);
        Snowflakes("Discord:SupportTeam", options.SupportTeam, errors);
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            errors.Add("Discord:ApiBaseUrl must be an http(s) address such as https://discord.com/api/v10/.");
        if (!options.GatewayUrl.IsAbsoluteUri || options.GatewayUrl.Scheme is not ("wss" or "ws"))
            errors.Add("Discord:GatewayUrl must be a WebSocket address such as wss://gateway.discord.gg/.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Discord ids are snowflakes: decimal numbers (Developer Mode → Copy ID).</summary>
    private static void Snowflakes(string key, List<string> ids, List<string> errors)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!ulong.TryParse(ids[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                errors.Add($"{key}:{i} is \"{ids[i]}\": give the numeric id Discord shows with Developer Mode → Copy ID.");
        }
    }
}
