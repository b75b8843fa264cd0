using System.Buffers;

namespace BotAssistant.Web.Channels;

internal static class RequestBody
{
    /// <summary>The body, or null when it exceeds the limit; never reads more than limit + 1 bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var length = 0;
            while (length <= limit)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
