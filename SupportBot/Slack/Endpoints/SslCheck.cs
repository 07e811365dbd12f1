using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SupportBot.Slack.Endpoints;

/// <summary>Slack's certificate check on a command URL: a form with <c>ssl_check=1</c> and no command.</summary>
public static class SslCheck
{
    public static bool IsSslCheck(byte[] body)
    {
        if (body.Length > 4096)
            return false;
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.TryGetValue("ssl_check", out var check) && check == "1" && !form.ContainsKey("command");
    }
}
