using Microsoft.Extensions.Options;
using SupportBot.Sla.Calendar;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>Checks the <c>Sla</c> section at start-up; every message names the key to fix.</summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var errors = new List<string>();
        try
        {
            if (!SlaSchedule.From(options).HasBusinessTime)
                errors.Add("Sla:BusinessHours closes every day of the week; SLA clocks would never run out.");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            errors.Add(e.Message);
        }
        foreach (var priority in Enum.GetValues<Priority>())
        {
            Positive(errors, $"Sla:FirstResponse:{priority}", options.FirstResponse.For(priority));
            foreach (var (tier, overrides) in options.Tiers)
            {
                if (overrides.FirstResponse.For(priority) is { } target)
                    Positive(errors, $"Sla:Tiers:{tier}:FirstResponse:{priority}", target);
            }
        }
        Optional(errors, "Sla:NextReply", options.NextReply);
        Optional(errors, "Sla:Resolution", options.Resolution);
        for (var i = 0; i < options.Policies.Count; i++)
            Policy(errors, $"Sla:Policies:{i}", options.Policies[i]);
        if (!(options.AtRisk > 0 && options.AtRisk <= 1))
            errors.Add($"Sla:AtRisk is {options.AtRisk}; it must be a fraction of the target above 0 and at most 1 (e.g. 0.75).");
        Positive(errors, "Sla:NagEvery", options.NagEvery);
        if (options.MaxNags < 0)
            errors.Add("Sla:MaxNags must be 0 or more.");
        if (options.PendingFollowUps is < 0 or > 20)
            errors.Add("Sla:PendingFollowUps must be between 0 and 20.");
        Positive(errors, "Sla:PendingAutoSolveAfter", options.PendingAutoSolveAfter);
        Positive(errors, "Sla:SolvedAutoCloseAfter", options.SolvedAutoCloseAfter);
        foreach (var id in options.EscalateTo.Where(id => !SlackIds.IsUserOrGroup(id)))
            errors.Add($"Sla:EscalateTo \"{id}\" is not a Slack user id (U…/W…) or user group id (S…).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Policy(List<string> errors, string key, SlaPolicyOptions policy)
    {
        if (policy.Match.Priority is { } priority && !string.IsNullOrWhiteSpace(priority)
            && !Enum.GetNames<Priority>().Any(n => n.Equals(priority.Trim(), StringComparison.OrdinalIgnoreCase)))
            errors.Add($"{key}:Match:Priority is \"{priority}\"; use one of Urgent, High, Normal, Low.");
        if (policy.FirstResponse is null && policy.NextReply is null && policy.Resolution is null)
            errors.Add($"{key} sets no target; give it FirstResponse, NextReply or Resolution (e.g. {key}:FirstResponse = 00:30:00).");
        Optional(errors, $"{key}:FirstResponse", policy.FirstResponse);
        Optional(errors, $"{key}:NextReply", policy.NextReply);
        Optional(errors, $"{key}:Resolution", policy.Resolution);
    }

    private static void Optional(List<string> errors, string key, TimeSpan? value)
    {
        if (value is { } given)
            Positive(errors, key, given);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
            errors.Add($"{key} is {value}; it must be a positive duration such as 00:30:00 or 2.00:00:00.");
    }
}

/// <summary>Builds the business schedule from the options, with the calendar's own key-naming errors.</summary>
public static class SlaSchedule
{
    public static BusinessSchedule From(SlaOptions options)
    {
        var hours = new Dictionary<DayOfWeek, string?>();
        foreach (var (key, text) in options.BusinessHours)
        {
            if (!Enum.TryParse<DayOfWeek>(key, ignoreCase: true, out var day) || int.TryParse(key, out _))
                throw new FormatException($"Sla:BusinessHours:{key} is not a day of the week (Monday … Sunday).");
            hours[day] = text;
        }
        return BusinessSchedule.Parse(options.TimeZone, hours, options.Holidays);
    }
}
