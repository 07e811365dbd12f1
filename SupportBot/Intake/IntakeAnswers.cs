namespace SupportBot.Intake;

/// <summary>What a webhook sender is told: 2xx once the delivery is committed, else a status with a reason.</summary>
public static class IntakeAnswers
{
    public static IResult Accepted(int? ticket) =>
        Results.Json(new { ok = true, ticket }, statusCode: StatusCodes.Status200OK);

    public static IResult Duplicate() => Results.Json(new { ok = true, duplicate = true });

    public static IResult Ignored(string why) => Results.Json(new { ok = true, ignored = why });

    public static IResult Unauthorized(string why) => Results.Text(why, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult BadRequest(string why) => Results.Text(why, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string why) => Results.Text(why, statusCode: StatusCodes.Status404NotFound);
}
