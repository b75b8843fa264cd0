using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace BotAssistant.Web.Channels.WeChat.Messages;

/// <summary>Reads WeChat's &lt;xml&gt; bodies (DTDs prohibited, nothing resolved) and writes passive replies.</summary>
public static class WeChatXml
{
    /// <summary>The message, or null with the reason for a body that is not well-formed WeChat XML.</summary>
    public static WeChatMessage? Parse(byte[] body, out string reason) => Parse(body, out reason, out _);

    /// <summary>
    /// As <see cref="Parse(byte[], out string)"/>; <paramref name="reason"/> is fit to answer with, and
    /// <paramref name="error"/> is the parser's own exception, for the log only.
    /// </summary>
    public static WeChatMessage? Parse(byte[] body, out string reason, out XmlException? error)
    {
        error = null;
        ArgumentNullException.ThrowIfNull(body);
        var settings = new XmlReaderSettings
        {
            // No DOCTYPE at all: that rules out entity expansion ("billion laughs") and external entities.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = Math.Max(1024, body.Length * 2L),
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var root = XElement.Load(reader);
            if (root.Name.LocalName != "xml")
            {
                reason = "请求体不是微信的 XML 消息：根元素必须是 <xml>。 The body is not WeChat XML: the root element must be <xml>.";
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var element in root.Elements())
            {
                fields.TryAdd(element.Name.LocalName, element.Value);
            }

            reason = "";
            return new WeChatMessage(fields);
        }
        catch (XmlException ex)
        {
            // The parser's message quotes .NET ("set the DtdProcessing property on XmlReaderSettings…"): log it, say this.
            error = ex;
            var (zh, en) = ex.LineNumber > 0
                ? ($"（第 {ex.LineNumber} 行第 {ex.LinePosition} 列）", $" (line {ex.LineNumber}, position {ex.LinePosition})")
                : ("", "");
            reason = $"请求体不是有效的 XML{zh}；不接受 DOCTYPE 和实体。 The body is not well-formed XML{en}; DOCTYPE and entities are refused.";
            return null;
        }
    }

    /// <summary>A passive text reply from the account to the user.</summary>
    public static string TextReply(string toUser, string fromAccount, DateTimeOffset time, string content) => Write(writer =>
    {
        Cdata(writer, "ToUserName", toUser);
        Cdata(writer, "FromUserName", fromAccount);
        writer.WriteElementString("CreateTime", time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Cdata(writer, "MsgType", "text");
        Cdata(writer, "Content", content);
    });

    /// <summary>The envelope of an encrypted reply (安全模式).</summary>
    public static string EncryptedReply(string encrypted, string signature, string timestamp, string nonce) => Write(writer =>
    {
        Cdata(writer, "Encrypt", encrypted);
        Cdata(writer, "MsgSignature", signature);
        writer.WriteElementString("TimeStamp", timestamp);
        Cdata(writer, "Nonce", nonce);
    });

    /// <summary>Characters XML cannot carry (most control characters) are dropped rather than failing the reply.</summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static void Cdata(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        // WriteCData splits a "]]>" inside the text into two sections, so no content can close the section early.
        writer.WriteCData(XmlSafe(value));
        writer.WriteEndElement();
    }

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("xml");
            body(writer);
            writer.WriteEndElement();
        }

        return builder.ToString();
    }
}
