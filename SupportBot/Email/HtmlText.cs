using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SupportBot.Email;

/// <summary>
/// An HTML mail as a person reads it, parsed by AngleSharp (the same HTML5 rules a browser follows, so broken
/// markup from mail clients reads as it renders): blocks as lines, table rows as lines with " | " between cells,
/// list items as "• ", links as "text (url)", quoted mail (blockquote, Apple's type=cite, Gmail's gmail_quote) as
/// "> " lines so <see cref="QuotedHistory"/> cuts HTML-only mail as it cuts plain text.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Hidden = ["SCRIPT", "STYLE", "HEAD", "TITLE", "TEMPLATE", "NOSCRIPT"];

    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "TABLE", "TR", "PRE", "HR", "SECTION", "ARTICLE",
        "HEADER", "FOOTER", "ADDRESS", "DL", "DT", "DD", "FIGURE", "CENTER", "TBODY", "THEAD",
    ];

    public static string Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new TextLines();
        Write(document.Body ?? (INode)document, writer);
        return writer.ToString();
    }

    private static void Write(INode node, TextLines text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
                text.Add(t.Data);
            else if (child is IElement e && !Hidden.Contains(e.TagName))
                Element(e, text);
        }
    }

    private static void Element(IElement e, TextLines text)
    {
        switch (e.TagName)
        {
            case "BR":
                text.Break();
                return;
            case "IMG":
                if (e.GetAttribute("alt") is { Length: > 0 } alt)
                    text.Add($"[image: {alt}]");
                return;
            case "A":
                Write(e, text);
                if (LinkTarget(e) is { } url)
                    text.Add($" ({url})");
                return;
            case "TD" or "TH":
                if (e.PreviousElementSibling is { TagName: "TD" or "TH" })
                    text.Add(" | ");
                text.Cells++;
                Write(e, text);
                text.Cells--;
                return;
            case "LI":
                text.Block();
                text.Add("• ");
                Write(e, text);
                text.Block();
                return;
            case "BLOCKQUOTE":
                text.Block();
                text.Quotes++;
                Write(e, text);
                text.Block();
                text.Quotes--;
                return;
        }
        var block = Blocks.Contains(e.TagName);
        if (block)
            text.Block();
        if (e.TagName == "PRE")
            text.Preformatted(e.TextContent);
        else
            Write(e, text);
        if (block)
            text.Block();
    }

    /// <summary>The address a link goes to, when it says more than its text: not an anchor, script or the link's own words.</summary>
    private static string? LinkTarget(IElement a)
    {
        var href = a.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            return null;
        var words = a.TextContent.Trim();
        if (words.Length == 0)
            return null; // a linked logo or image: its address alone is noise
        return Bare(words) == Bare(href) ? null : href;
    }

    /// <summary>"https://acme.com/" and "acme.com", "mailto:dana@acme.com" and "dana@acme.com" say the same.</summary>
    private static string Bare(string url)
    {
        foreach (var scheme in new[] { "mailto:", "tel:", "https://", "http://" })
        {
            if (url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                url = url[scheme.Length..];
        }
        return url.TrimEnd('/').ToLowerInvariant();
    }
}
