using Microsoft.Extensions.Options;

namespace SupportBot.Similarity;

/// <summary>Checks the <c>Similarity</c> section at start-up, naming each key with an example of a good value.</summary>
public sealed class SimilarityOptionsValidator : IValidateOptions<SimilarityOptions>
{
    public ValidateOptionsResult Validate(string? name, SimilarityOptions options)
    {
        var errors = new List<string>();
        if (options.DuplicateThreshold is <= 0 or > 1 || double.IsNaN(options.DuplicateThreshold))
            errors.Add("Similarity:DuplicateThreshold must be above 0 and at most 1 (e.g. 0.6).");
        if (options.MinSimilarity is < 0 or >= 1 || double.IsNaN(options.MinSimilarity))
            errors.Add("Similarity:MinSimilarity must be from 0 to below 1 (e.g. 0.3).");
        if (options.SuggestWithin < TimeSpan.FromMinutes(1) || options.SuggestWithin > TimeSpan.FromDays(7))
            errors.Add("Similarity:SuggestWithin must be between 00:01:00 and 7.00:00:00 (e.g. 01:00:00).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
