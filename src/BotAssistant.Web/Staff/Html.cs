using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace BotAssistant.Web.Staff;

/// <summary>Markup that is already safe; only <see cref="Html"/> makes it, so catalog text can never pass as markup.</summary>
public readonly record struct RawHtml(string Value)
{
    public override string ToString() => Value;
}

public static class Html
{
    // Chinese stays readable in the source; only characters that mean something in HTML are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>For markup this code writes itself (tags, attributes, CSS), never for data.</summary>
    public static RawHtml Trusted(string markup) => new(markup);

    public static string Url(string path, params (string Key, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value!));
        var qs = string.Join("&", parts);
        return qs.Length == 0 ? path : path + "?" + qs;
    }
}

/// <summary>Builds a page; every interpolated value is HTML-encoded unless it is <see cref="RawHtml"/>.</summary>
public sealed class HtmlWriter
{
    internal StringBuilder Builder { get; } = new(16 * 1024);

    public HtmlWriter Add([InterpolatedStringHandlerArgument("")] ref HtmlHandler html) => this;

    public HtmlWriter Add(RawHtml html)
    {
        Builder.Append(html.Value);
        return this;
    }

    public override string ToString() => Builder.ToString();
}

[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _sb;

    public HtmlHandler(int literalLength, int formattedCount, HtmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _sb = writer.Builder;
        _sb.EnsureCapacity(_sb.Length + literalLength + formattedCount * 16);
    }

    public readonly void AppendLiteral(string literal) => _sb.Append(literal);

    public readonly void AppendFormatted(RawHtml html) => _sb.Append(html.Value);

    public readonly void AppendFormatted(string? text) => _sb.Append(Html.Encode(text));

    public readonly void AppendFormatted<T>(T value) =>
        _sb.Append(Html.Encode(Convert.ToString(value, CultureInfo.InvariantCulture)));
}
