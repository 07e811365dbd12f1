using Microsoft.Extensions.Options;

namespace SupportBot.Rotation;

/// <summary>Checks the <c>Assignment</c> section at start-up; every message names the key to fix.</summary>
public sealed class AssignmentOptionsValidator : IValidateOptions<AssignmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AssignmentOptions options)
    {
        var errors = new List<string>();
        var mode = options.Mode.Trim();
        if (!mode.Equals(AssignmentOptions.Pull, StringComparison.OrdinalIgnoreCase) && !options.Rotates)
            errors.Add($"Assignment:Mode is \"{mode}\"; it must be {AssignmentOptions.Pull} (the team takes with /take) " +
                       $"or {AssignmentOptions.Rotation} (new tickets are offered to engineers in turn).");
        if (options.MaxOpen < 1)
            errors.Add($"Assignment:MaxOpen is {options.MaxOpen}; it must be 1 or more (open tickets an engineer may hold and still be offered one).");
        if (options.OfferFor < TimeSpan.FromSeconds(1) || options.OfferFor > TimeSpan.FromDays(1))
            errors.Add($"Assignment:OfferFor is {options.OfferFor}; it must be between 00:00:01 and 1.00:00:00 (e.g. 00:10:00).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
