namespace SupportBot.Intake;

/// <summary>
/// Reads a webhook's body once, refusing more than <see cref="MaxBytes"/> with 413 before any parsing, and keeps
/// the bytes for the signature check (senders sign the exact bytes they sent).
/// </summary>
public static class IntakeBody
{
    public const int MaxBytes = 1024 * 1024;
    private const string Key = "intake.body";

    public static IApplicationBuilder UseIntakeBodyLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(IntakeExtensions.Prefix, StringComparison.OrdinalIgnoreCase), branch =>
            branch.Use(async (context, next) =>
            {
                if (context.Request.ContentLength > MaxBytes)
                {
                    await TooLarge(context);
                    return;
                }
                var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
                {
                    if (buffer.Length + read > MaxBytes)
                    {
                        await TooLarge(context);
                        return;
                    }
                    buffer.Write(chunk, 0, read);
                }
                context.Items[Key] = buffer.ToArray();
                buffer.Position = 0;
                context.Request.Body = buffer;
                await next(context);
            }));

    public static byte[] Of(HttpContext context) => context.Items[Key] as byte[] ?? [];

    private static Task TooLarge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsync($"Webhook bodies are limited to {MaxBytes / 1024} KB.");
    }
}
