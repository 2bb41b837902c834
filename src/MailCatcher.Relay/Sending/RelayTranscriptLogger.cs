using System.Text;
using MailKit;

namespace MailCatcher.Relay.Sending;

/// <summary>
/// MailKit's protocol logger for one attempt, into memory: <c>C:</c> and <c>S:</c> lines like
/// MailKit's own <c>ProtocolLogger</c>. AUTH secrets are masked where MailKit's secret detector
/// finds them, and every configured secret (the password and its base64 forms) is masked again
/// in the finished text. Message data is cut after a few kilobytes per client turn and
/// summarised, so a 50 MB message does not become a 50 MB transcript.
/// </summary>
public sealed class RelayTranscriptLogger(IReadOnlyCollection<string> secrets) : IProtocolLogger
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "********";

    /// <summary>Client bytes shown between two server replies; the rest are counted, not shown.</summary>
    public const int MaxClientBytesPerTurn = 2048;

    private readonly StringBuilder _text = new();
    private readonly Decoder _client = Encoding.UTF8.GetDecoder();
    private readonly Decoder _server = Encoding.UTF8.GetDecoder();
    private bool _clientAtLineStart = true;
    private bool _serverAtLineStart = true;
    private int _clientBytesThisTurn;
    private long _elided;

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        _text.Append("Connected to ").Append(uri.GetLeftPart(UriPartial.Authority)).Append('\n');
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        var masked = MaskDetected(buffer, offset, count);
        var shown = Math.Min(masked.Length, Math.Max(0, MaxClientBytesPerTurn - _clientBytesThisTurn));
        _clientBytesThisTurn += masked.Length;
        _elided += masked.Length - shown;
        Append(masked.AsSpan(0, shown), _client, "C: ", ref _clientAtLineStart);
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_elided > 0)
        {
            if (!_clientAtLineStart)
            {
                _text.Append('\n');
            }
            _text.Append("C: [… ").Append(_elided).Append(" more bytes of message data not shown …]\n");
            _clientAtLineStart = true;
            _elided = 0;
        }
        _clientBytesThisTurn = 0;
        Append(buffer.AsSpan(offset, count), _server, "S: ", ref _serverAtLineStart);
    }

    /// <summary>The transcript so far, with every configured secret masked.</summary>
    public override string ToString()
    {
        var text = _text.ToString();
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The password as it can appear on the wire: itself, base64 (AUTH LOGIN), and the AUTH PLAIN blob (RFC 4616).</summary>
    public static IReadOnlyCollection<string> SecretsFor(string user, string password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [];
        }
        return
        [
            password,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}\0{user}\0{password}")),
        ];
    }

    private byte[] MaskDetected(byte[] buffer, int offset, int count)
    {
        var found = AuthenticationSecretDetector?.DetectSecrets(buffer, offset, count);
        if (found is null || found.Count == 0)
        {
            return buffer.AsSpan(offset, count).ToArray();
        }
        var masked = new List<byte>(count);
        var index = offset;
        foreach (var secret in found.OrderBy(s => s.StartIndex))
        {
            masked.AddRange(buffer.AsSpan(index, secret.StartIndex - index));
            masked.AddRange(Encoding.ASCII.GetBytes(Mask));
            index = secret.StartIndex + secret.Length;
        }
        masked.AddRange(buffer.AsSpan(index, offset + count - index));
        return [.. masked];
    }

    private void Append(ReadOnlySpan<byte> bytes, Decoder decoder, string prefix, ref bool atLineStart)
    {
        var chars = new char[decoder.GetCharCount(bytes, flush: false)];
        decoder.GetChars(bytes, chars, flush: false);
        foreach (var c in chars)
        {
            if (c == '\r')
            {
                continue;
            }
            if (atLineStart)
            {
                _text.Append(prefix);
                atLineStart = false;
            }
            _text.Append(c);
            if (c == '\n')
            {
                atLineStart = true;
            }
        }
    }

    public void Dispose()
    {
    }
}
