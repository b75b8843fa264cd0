using System.Buffers;
using System.IO.Compression;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>
/// An activity's UTF-8 JSON as the memory log keeps it: Brotli at its fastest setting, which takes a reply to about
/// half its size for a few microseconds. A log is written once and read a few times, and it is what a host holds
/// most of once many conversations have run.
/// </summary>
public readonly struct PackedJson
{
    private const int Quality = 1;
    private const int Window = 16;

    private readonly byte[] _packed;
    private readonly int _length;

    private PackedJson(byte[] packed, int length)
    {
        _packed = packed;
        _length = length;
    }

    /// <summary>The bytes held, which is what the log's budget counts.</summary>
    public int Length => _packed.Length;

    public static PackedJson Pack(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var scratch = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (BrotliEncoder.TryCompress(json, scratch, out var written, Quality, Window) && written < json.Length)
            {
                return new PackedJson(scratch.AsSpan(0, written).ToArray(), json.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        // Too short to gain anything: kept as it is, marked by a length of -1.
        return new PackedJson(json, -1);
    }

    public byte[] Unpack()
    {
        if (_length < 0)
        {
            return _packed;
        }

        var json = new byte[_length];
        return BrotliDecoder.TryDecompress(_packed, json, out var written) && written == _length
            ? json
            : throw new InvalidDataException("A Direct Line log entry did not unpack to its recorded length.");
    }
}
