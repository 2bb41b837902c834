using System.Net.Sockets;
using System.Text;

namespace MailCatcher.SmtpBench;

/// <summary>A minimal pipelining SMTP client: MAIL, RCPT and DATA go in one write (RFC 2920).</summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private BenchClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    public static async Task<BenchClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var client = new BenchClient(tcp);
        await client.ExpectAsync("220");
        await client.WriteAsync("EHLO bench.test\r\n"u8.ToArray());
        await client.ExpectAsync("250");
        return client;
    }

    /// <summary>Sends one message whose content is already dot-stuffed and ends with the end marker.</summary>
    public async Task SendAsync(byte[] stuffedContent)
    {
        await WriteAsync("MAIL FROM:<bench@example.test>\r\nRCPT TO:<inbox@example.test>\r\nDATA\r\n"u8.ToArray());
        await ExpectAsync("250");
        await ExpectAsync("250");
        await ExpectAsync("354");
        await WriteAsync(stuffedContent);
        await ExpectAsync("250");
    }

    public async Task QuitAsync()
    {
        await WriteAsync("QUIT\r\n"u8.ToArray());
        await ExpectAsync("221");
    }

    private async Task WriteAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    private async Task ExpectAsync(string code)
    {
        while (true)
        {
            var line = await _reader.ReadLineAsync() ?? throw new IOException("server closed the connection");
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"expected {code}, got: {line}");
            }
            if (line.Length < 4 || line[3] == ' ')
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
