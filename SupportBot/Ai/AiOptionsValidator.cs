using Microsoft.Extensions.Options;

namespace SupportBot.Ai;

/// <summary>Checks the <c>Ai</c> section at start-up; every message names the key to fix, and never shows the API key.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = new List<string>();
        var endpoint = !string.IsNullOrWhiteSpace(options.Endpoint);
        var model = !string.IsNullOrWhiteSpace(options.Model);
        if (endpoint && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"Ai:Endpoint is \"{options.Endpoint}\": give the server's OpenAI-compatible base address, such as http://localhost:11434/v1.");
        if (endpoint && !model)
            errors.Add("Ai:Model needs the model's name (e.g. llama3.2:3b) when Ai:Endpoint is set.");
        if (model && !endpoint)
            errors.Add("Ai:Endpoint needs the server's address (e.g. http://localhost:11434/v1) when Ai:Model is set.");
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"Ai:Timeout is {options.Timeout}: give between 00:00:01 and 00:05:00 (e.g. 00:00:20).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
