using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// Valid payloads with fields deleted, types swapped, junk nested in, text truncated or wrongly encoded, and then
/// signed correctly, so they get past verification and into the parsers and handlers.
/// </summary>
public sealed class SignedMutationGenerator(Random random, DateTimeOffset now)
{
    private readonly FuzzSigner _signer = new(now);
    private readonly BodyFactory _bodies = new(random, now);

    public FuzzRequest Next()
    {
        var path = random.Next(20) switch
        {
            < 6 => SlackPaths.Command,
            < 13 => SlackPaths.Action,
            < 18 => SlackPaths.Event,
            _ => SlackPaths.Options,
        };
        string category, text, contentType;
        if (random.Next(10) == 0)
        {
            // unmutated ones too, so tickets exist for the Take buttons and events pile up as they would
            (text, contentType) = _bodies.Valid(path);
            category = "valid";
        }
        else
        {
            (category, text, contentType) = _bodies.Mutated(path);
        }
        var body = Encoding.UTF8.GetBytes(text);
        if (random.Next(6) == 0)
        {
            (var encoding, body) = BodyEncoding.Mutate(random, text);
            category = "bytes:" + encoding;
        }
        return new FuzzRequest(path, category, body, ContentTypes.For(random, contentType), _signer.Valid(body));
    }
}
