using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Email;

/// <summary>
/// The lines <see cref="HtmlText"/> writes: HTML's whitespace collapsed as a browser does, one blank line at most
/// between blocks, "> " before each line inside <see cref="Quotes"/> blockquotes, and no line breaks inside a table
/// cell (Outlook wraps every cell's words in a paragraph), so a row stays one line.
/// </summary>
public sealed partial class TextLines
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _line = new();

    public int Quotes { get; set; }

    public int Cells { get; set; }

    public void Add(string text)
    {
        text = Whitespace().Replace(text, " ");
        if (_line.Length == 0 || _line[^1] == ' ')
            text = text.TrimStart(' ');
        _line.Append(text);
    }

    /// <summary>A line break (br): an empty line stays, as the writer meant it.</summary>
    public void Break()
    {
        if (Cells > 0)
        {
            Add(" ");
            return;
        }
        var prefix = Quotes > 0 ? new string('>', Quotes) + " " : "";
        _lines.Add((prefix + _line.ToString()).TrimEnd());
        _line.Clear();
    }

    /// <summary>The start or end of a block: a new line unless one just started.</summary>
    public void Block()
    {
        if (_line.ToString().Trim().Length > 0)
            Break();
        else if (Cells == 0)
            _line.Clear();
    }

    /// <summary>A pre element: its line breaks and spacing as written.</summary>
    public void Preformatted(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            _line.Append(line);
            Break();
        }
    }

    public override string ToString()
    {
        Block();
        var text = new StringBuilder();
        var blank = true; // no blank line at the start, and never two in a row
        foreach (var line in _lines)
        {
            var isBlank = line.Trim().Trim('>').Length == 0;
            if (isBlank && blank)
                continue;
            blank = isBlank;
            text.Append(line).Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();
}
