using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BotAssistant.Web.Channels.WeChat.Crypto;

/// <summary>
/// WeChat's message encryption: AES-256-CBC, key = Base64(EncodingAESKey + "="), IV = its first 16 bytes,
/// plaintext = random(16) + length(4, big-endian) + message + receiver id, padded PKCS#7 to 32-byte blocks.
/// </summary>
public sealed class WeChatCrypto
{
    private const int BlockSize = 32;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly string _receiverId;

    public WeChatCrypto(string encodingAesKey, string receiverId)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiverId);
        _key = DecodeKey(encodingAesKey)
            ?? throw new ArgumentException("The EncodingAESKey must be the 43 characters shown by the platform.", nameof(encodingAesKey));
        _iv = _key[..16];
        _receiverId = receiverId;
    }

    public static bool IsValidKey(string? encodingAesKey) => encodingAesKey is not null && DecodeKey(encodingAesKey) is not null;

    /// <summary>SHA1 of the parts sorted ordinally and joined, as lowercase hex: WeChat's signature and msg_signature.</summary>
    public static string Sign(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sorted = parts.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public static bool Verify(string? signature, params string[] parts) =>
        signature is { Length: 40 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature.ToLowerInvariant()), Encoding.ASCII.GetBytes(Sign(parts)));

    public string Encrypt(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(_receiverId);
        var length = 16 + 4 + body.Length + receiver.Length;
        var pad = BlockSize - (length % BlockSize);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), body.Length);
        body.CopyTo(plain, 20);
        receiver.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>The message, or null with the reason when the text is not ours (bad base64, padding, length or receiver).</summary>
    public string? Decrypt(string encrypted, out string reason)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        byte[] plain;
        try
        {
            var cipher = Convert.FromBase64String(encrypted);
            using var aes = Aes.Create();
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            reason = "The encrypted message is not valid base64 AES data.";
            return null;
        }

        var pad = plain.Length == 0 ? 0 : plain[^1];
        if (pad is < 1 or > BlockSize || plain.Length < 20 + pad)
        {
            reason = "The encrypted message has bad padding.";
            return null;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || 20 + length > content.Length)
        {
            reason = "The encrypted message has a bad length.";
            return null;
        }

        var receiver = Encoding.UTF8.GetString(content[(20 + length)..]);
        if (!string.Equals(receiver, _receiverId, StringComparison.Ordinal))
        {
            reason = "The encrypted message is for another account.";
            return null;
        }

        reason = "";
        return Encoding.UTF8.GetString(content.Slice(20, length));
    }

    private static byte[]? DecodeKey(string encodingAesKey)
    {
        if (encodingAesKey.Length != 43)
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(encodingAesKey + "=");
            return key.Length == 32 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
