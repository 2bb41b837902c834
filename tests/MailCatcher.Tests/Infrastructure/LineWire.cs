using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>
/// A raw line-oriented client (POP3, IMAP) over a socket: send exact bytes, read lines. It can
/// switch to TLS in the middle (STLS, STARTTLS) or start with it (implicit TLS), trusting only
/// the certificate with a given thumbprint.
/// </summary>
public sealed class LineWire : IAsyncDisposable
{
    private readonly TcpClient _client;
    private Stream _stream;
    private StreamReader _reader;

    private LineWire(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8, false, 1024, leaveOpen: true);
    }

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Connects and reads the greeting line.</summary>
    public static async Task<(LineWire Wire, string Greeting)> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var wire = new LineWire(client);
        return (wire, await wire.ReadLineAsync());
    }

    /// <summary>Connects to an implicit-TLS port (RFC 8314), runs the handshake, and reads the greeting.</summary>
    public static async Task<(LineWire Wire, string Greeting)> ConnectTlsAsync(int port, string trustedThumbprint)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var wire = new LineWire(client);
        await wire.HandshakeAsync(trustedThumbprint);
        return (wire, await wire.ReadLineAsync());
    }

    /// <summary>The negotiated protocol once encrypted.</summary>
    public System.Security.Authentication.SslProtocols? Protocol { get; private set; }

    /// <summary>Runs the client side of the TLS handshake on the connection as it stands, trusting only <paramref name="trustedThumbprint"/>.</summary>
    public async Task HandshakeAsync(string trustedThumbprint)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate?.GetCertHashString() == trustedThumbprint);
        using var timeout = new CancellationTokenSource(Timeout);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
        Protocol = ssl.SslProtocol;
        _reader.Dispose();
        _stream = ssl;
        _reader = new StreamReader(_stream, Encoding.UTF8, false, 1024, leaveOpen: true);
    }

    public async Task SendAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>Sends one line (CRLF added) and reads one line back.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadLineAsync();
    }

    /// <summary>Reads one line; "&lt;closed&gt;" when the server closed the connection.</summary>
    public async Task<string> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await _reader.ReadLineAsync(timeout.Token) ?? "<closed>";
        }
        catch (IOException)
        {
            return "<closed>";
        }
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns them all, that one last.</summary>
    public async Task<List<string>> ReadUntilAsync(string prefix)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            lines.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal) || line == "<closed>")
            {
                return lines;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
