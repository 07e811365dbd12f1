namespace SupportBot.Tests.Intake;

/// <summary>GitHub webhook bodies, shaped like GitHub's (the fields Octokit's models read).</summary>
public static class GitHubPayloads
{
    public static object User(string login, long id) => new
    {
        login, id, node_id = "U_" + id, avatar_url = "https://avatars.example/u", gravatar_id = "", url = "https://api.github.com/users/" + login,
        html_url = "https://github.com/" + login, type = "User", site_admin = false,
    };

    public static object Label(string name) => new
    {
        id = 1, node_id = "L_1", url = "https://api.github.com/repos/acme/tracker/labels/" + name, name, color = "d73a4a", @default = false, description = "",
    };

    public static object Issue(int number, string title, string author = "octodev", params string[] labels) => new
    {
        url = $"https://api.github.com/repos/acme/tracker/issues/{number}",
        repository_url = "https://api.github.com/repos/acme/tracker",
        html_url = $"https://github.com/acme/tracker/issues/{number}",
        id = 444500000 + number, node_id = "I_" + number, number, title, user = User(author, 21031067),
        labels = labels.Select(Label).ToArray(), state = "open", locked = false, assignee = (object?)null, assignees = Array.Empty<object>(),
        milestone = (object?)null, comments = 0, created_at = "2026-11-30T10:00:00Z", updated_at = "2026-11-30T10:00:01Z",
        closed_at = (string?)null, author_association = "NONE", active_lock_reason = (string?)null, body = "It breaks on large repos.",
    };

    public static object Repository() => new
    {
        id = 186853002, node_id = "R_1", name = "tracker", full_name = "acme/tracker", @private = false, owner = User("acme", 9001),
        html_url = "https://github.com/acme/tracker", description = (string?)null, fork = false, url = "https://api.github.com/repos/acme/tracker",
        created_at = "2019-05-15T15:19:25Z", updated_at = "2019-05-15T15:19:27Z", pushed_at = "2019-05-15T15:20:13Z", default_branch = "main",
        open_issues_count = 1, has_issues = true, archived = false, disabled = false,
    };

    public static object Labeled(int number, string title, string label) => new
    {
        action = "labeled", issue = Issue(number, title, "octodev", label), label = Label(label), repository = Repository(), sender = User("octodev", 21031067),
    };

    public static object Opened(int number, string title, params string[] labels) => new
    {
        action = "opened", issue = Issue(number, title, "octodev", labels), repository = Repository(), sender = User("octodev", 21031067),
    };

    public static object Comment(int number, long commentId, string author, string body) => new
    {
        action = "created", issue = Issue(number, "x", "octodev", "support"),
        comment = new
        {
            id = commentId, node_id = "C_" + commentId, url = "https://api.github.com/repos/acme/tracker/issues/comments/" + commentId,
            html_url = $"https://github.com/acme/tracker/issues/{number}#issuecomment-{commentId}", body, user = User(author, 5),
            created_at = "2026-11-30T11:00:00Z", updated_at = "2026-11-30T11:00:00Z", author_association = "NONE",
            issue_url = $"https://api.github.com/repos/acme/tracker/issues/{number}",
        },
        repository = Repository(), sender = User(author, 5),
    };
}
