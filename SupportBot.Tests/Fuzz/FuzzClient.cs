namespace SupportBot.Tests.Fuzz;

/// <summary>Sends a fuzz request and reports a 5xx or an exception that escaped the app as a failure.</summary>
public static class FuzzClient
{
    public static async Task<(int Status, string Body)> SendAsync(this FuzzHost host, FuzzRequest request, FuzzTally tally)
    {
        using var message = request.ToHttp();
        try
        {
            using var response = await host.Client.SendAsync(message);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            tally.Record(request, status);
            if (status >= 500)
                tally.Fail(request, $"HTTP {status}: {body}");
            return (status, body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the in-process server hands exceptions that escaped the pipeline to the client
            tally.Record(request, 0);
            tally.Fail(request, $"exception escaped the app: {e.GetType().Name}: {e.Message}");
            return (0, "");
        }
    }
}
