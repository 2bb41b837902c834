using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace MailCatcher.Tests.Security;

/// <summary>
/// A raw SMTP client that can also speak TLS: STARTTLS in the middle of a session (RFC 3207)
/// or from the first byte (RFC 8314). Sends exact lines, reads exact replies.
/// </summary>
public sealed class SecureWire : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _client;
    private readonly string? _trustedThumbprint;
    private Stream _stream;
    private StreamReader _reader;

    private SecureWire(TcpClient client, string? trustedThumbprint)
    {
        _client = client;
        _trustedThumbprint = trustedThumbprint;
        _stream = client.GetStream();
        _reader = NewReader(_stream);
    }

    /// <summary>The negotiated TLS protocol once encrypted.</summary>
    public SslProtocols? Protocol { get; private set; }

    /// <summary>
    /// Connects (with TLS at once when <paramref name="implicitTls"/>) and reads the greeting. TLS
    /// trusts only the certificate with <paramref name="trustedThumbprint"/>.
    /// </summary>
    public static async Task<(SecureWire Wire, string Greeting)> ConnectAsync(int port, string? trustedThumbprint = null, bool implicitTls = false)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var wire = new SecureWire(client, trustedThumbprint);
        if (implicitTls)
        {
            await wire.HandshakeAsync();
        }
        return (wire, await wire.ReadReplyAsync());
    }

    public async Task SendRawAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _stream.FlushAsync();
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendRawAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Sends STARTTLS and, on 220, runs the handshake; returns the reply to STARTTLS.</summary>
    public async Task<string> StartTlsAsync()
    {
        var reply = await CommandAsync("STARTTLS");
        if (reply.StartsWith("220 ", StringComparison.Ordinal))
        {
            await HandshakeAsync();
        }
        return reply;
    }

    /// <summary>Reads one (possibly multi-line) reply; "&lt;closed&gt;" when the server closed.</summary>
    public async Task<string> ReadReplyAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var lines = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(timeout.Token);
            }
            catch (IOException)
            {
                line = null;
            }
            if (line is null)
            {
                return lines.Count == 0 ? "<closed>" : string.Join("\n", lines);
            }
            lines.Add(line);
            if (line.Length < 4 || line[3] == ' ')
            {
                return string.Join("\n", lines);
            }
        }
    }

    /// <summary>Runs the client side of the TLS handshake on the connection as it stands.</summary>
    public async Task HandshakeAsync()
    {
        // The tests talk to their own host's self-signed certificate, and trust that one only.
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate?.GetCertHashString() == _trustedThumbprint);
        using var timeout = new CancellationTokenSource(Timeout);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
        Protocol = ssl.SslProtocol;
        _stream = ssl;
        _reader = NewReader(ssl);
    }

    private static StreamReader NewReader(Stream stream) => new(stream, Encoding.UTF8, false, 1024, leaveOpen: true);

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
