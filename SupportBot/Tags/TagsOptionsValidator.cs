using Microsoft.Extensions.Options;

namespace SupportBot.Tags;

/// <summary>Checks <c>Tags:Auto</c> at start-up; every message names the key to fix (<c>Tags:Auto:0:Tag</c>).</summary>
public sealed class TagsOptionsValidator : IValidateOptions<TagsOptions>
{
    public ValidateOptionsResult Validate(string? name, TagsOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Auto.Count; i++)
        {
            var rule = options.Auto[i];
            var key = $"{TagsOptions.Section}:Auto:{i}";
            if (string.IsNullOrWhiteSpace(rule.Tag))
                errors.Add($"{key}:Tag is missing; a rule names the tag it gives (e.g. billing).");
            else if (!TagWords.IsValid(TagWords.Normal(rule.Tag)))
                errors.Add($"{key}:Tag is \"{rule.Tag}\": {TagWords.Rule} (e.g. billing).");
            if (!rule.Contains.Exists(w => !string.IsNullOrWhiteSpace(w)))
                errors.Add($"{key}:Contains is missing; list the words that give the tag (e.g. {key}:Contains:0=invoice).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
