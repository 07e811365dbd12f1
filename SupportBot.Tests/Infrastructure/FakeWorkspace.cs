using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Web;

namespace SupportBot.Tests.Infrastructure;

/// <summary>What <see cref="FakeSlackApi"/>'s read methods know: posted messages (for conversations.history/replies) and user groups.</summary>
public sealed class FakeWorkspace
{
    private readonly ConcurrentDictionary<(string Channel, string Ts), JsonObject> _messages = new();
    private readonly ConcurrentDictionary<string, string[]> _groups = new();
    private readonly ConcurrentQueue<(string Channel, JsonObject Message)> _posted = new();
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();

    /// <summary>
    /// A person <c>users.info</c> knows, shaped as Slack answers (an external Slack Connect user too: their
    /// <c>team_id</c> is another workspace's); anyone else is <c>user_not_found</c>.
    /// </summary>
    public void AddUser(string id, string? displayName, string? realName = null, string? name = null, string? teamId = null) =>
        _users[id] = new JsonObject
        {
            ["id"] = id, ["team_id"] = teamId ?? "T_HOME", ["name"] = name ?? id.ToLowerInvariant(), ["real_name"] = realName,
            ["is_stranger"] = teamId is not null ? true : null,
            ["profile"] = new JsonObject { ["display_name"] = displayName ?? "", ["real_name"] = realName ?? "" },
        };

    public void AddMessage(string channel, string ts, string user, string text, string? threadTs = null)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["user"] = user, ["text"] = text };
        if (threadTs is not null)
            message["thread_ts"] = threadTs;
        _messages[(channel, ts)] = message;
    }

    /// <summary>What the bot posted, with its metadata: found by history lookups that ask for metadata.</summary>
    public void AddPosted(string channel, string ts, string? threadTs, JsonNode? metadata)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["user"] = "UBOT", ["bot_id"] = "BBOT", ["text"] = "" };
        if (threadTs is not null)
            message["thread_ts"] = threadTs;
        if (metadata is not null)
            message["metadata"] = metadata.DeepClone();
        _posted.Enqueue((channel, message));
    }

    public void SetGroup(string groupId, params string[] members) => _groups[groupId] = members;

    public JsonObject Answer(string method, JsonObject args)
    {
        string? Arg(string name) => args[name]?.GetValue<string>();
        if (method == "users.info")
        {
            return _users.TryGetValue(Arg("user") ?? "", out var user)
                ? new JsonObject { ["ok"] = true, ["user"] = user.DeepClone() }
                : new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
        }
        if (method == "usergroups.users.list")
        {
            return _groups.TryGetValue(Arg("usergroup") ?? "", out var members)
                ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]) }
                : new JsonObject { ["ok"] = false, ["error"] = "no_such_subteam" };
        }
        var channel = Arg("channel") ?? "";
        if (Arg("include_all_metadata") == "true")
            return Posted(method, channel, Arg("ts"));
        var ts = method == "conversations.history" ? Arg("latest") : Arg("ts");
        // like Slack: history holds top-level messages only; replies holds a thread (here: the asked-for message)
        var found = _messages.TryGetValue((channel, ts ?? ""), out var m)
                    && (method == "conversations.replies" || m["thread_ts"] is null || m["thread_ts"]!.GetValue<string>() == ts);
        return new JsonObject { ["ok"] = true, ["messages"] = found ? new JsonArray(m!.DeepClone()) : new JsonArray() };
    }

    /// <summary>The bot's own posts, newest first: top-level ones for history, a thread's for replies.</summary>
    private JsonObject Posted(string method, string channel, string? threadTs)
    {
        var found = _posted.Where(p => p.Channel == channel).Select(p => p.Message).Where(m =>
        {
            var thread = m["thread_ts"]?.GetValue<string>();
            return method == "conversations.history" ? thread is null : thread == threadTs || m["ts"]!.GetValue<string>() == threadTs;
        }).Reverse().Select(m => (JsonNode)m.DeepClone());
        return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. found]) };
    }

    public static JsonObject FormArgs(string body)
    {
        var form = HttpUtility.ParseQueryString(body);
        var args = new JsonObject();
        foreach (var key in form.AllKeys.OfType<string>())
            args[key] = form[key];
        return args;
    }
}
