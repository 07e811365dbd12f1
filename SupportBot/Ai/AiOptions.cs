namespace SupportBot.Ai;

/// <summary>
/// The <c>Ai</c> section: an OpenAI-compatible chat endpoint the team chose (a local Ollama, vLLM or llama.cpp server,
/// or a hosted one). Off unless both <see cref="Endpoint"/> and <see cref="Model"/> are set.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>The server's OpenAI-compatible base address, version included (<c>http://localhost:11434/v1</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name the server knows (<c>llama3.2:3b</c>, <c>gpt-4o-mini</c>).</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; a secret, never logged. Local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long one call may take: it runs after Slack's acknowledgement, so this bounds how long an engineer waits
    /// for "could not be made", not any Slack answer.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether internal notes and escalation discussions are sent too (never for a security-path ticket).</summary>
    public bool IncludeNotes { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    /// <summary>The answer to a request while the feature is off.</summary>
    public const string Off = "Help from a language model is off: an admin sets `Ai:Endpoint` and `Ai:Model` to turn it on.";
}
