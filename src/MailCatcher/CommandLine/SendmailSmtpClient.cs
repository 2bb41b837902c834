using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailCatcher.CommandLine;

/// <summary>
/// The few SMTP commands <c>mailcatcher sendmail</c> needs (RFC 5321 §3.3: EHLO, MAIL, RCPT,
/// DATA, QUIT), written by hand rather than with MailKit, which would re-serialize the message:
/// the bytes read from standard input are the bytes sent, dot-stuffed (§4.5.2) and nothing else.
/// Every failure is a <see cref="SendmailException"/> carrying sendmail's exit code.
/// </summary>
internal sealed class SendmailSmtpClient : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(2);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly TextWriter? _transcript;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    private SendmailSmtpClient(TcpClient tcp, TextWriter? transcript)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _transcript = transcript;
    }

    public sealed record Reply(int Code, string Text)
    {
        public bool IsPositive => Code is >= 200 and < 400;

        /// <summary>4xx: try again later (EX_TEMPFAIL); 5xx: the given permanent code.</summary>
        public int ExitCode(int permanent) => Code is >= 400 and < 500 ? SendmailExitCodes.TempFail : permanent;
    }

    /// <summary>Connects to <c>host:port</c> (<c>[::1]:port</c> for IPv6) and reads the 220 greeting.</summary>
    public static async Task<SendmailSmtpClient> ConnectAsync(string address, TextWriter? transcript, CancellationToken cancellationToken)
    {
        var (host, port) = ParseAddress(address);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new SendmailException(SendmailExitCodes.NoHost, $"sendmail: cannot resolve '{host}': {e.Message}");
        }
        var tcp = new TcpClient(addresses[0].AddressFamily) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await tcp.ConnectAsync(addresses, port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            tcp.Dispose();
            throw new SendmailException(SendmailExitCodes.TempFail, $"sendmail: cannot connect to {address} ({e.Message}); is MailCatcher running? (--smtp-addr HOST:PORT)");
        }
        var client = new SendmailSmtpClient(tcp, transcript);
        var greeting = await client.ReadReplyAsync(cancellationToken);
        if (greeting.Code != 220)
        {
            await client.DisposeAsync();
            throw new SendmailException(greeting.ExitCode(SendmailExitCodes.Unavailable), $"sendmail: {address} greeted with {greeting.Code} {greeting.Text}");
        }
        return client;
    }

    public static (string Host, int Port) ParseAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        var host = colon > 0 ? address[..colon].Trim('[', ']') : "";
        if (host.Length == 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new SendmailException(SendmailExitCodes.Usage, $"sendmail: --smtp-addr '{address}' is not HOST:PORT");
        }
        return (host, port);
    }

    /// <summary>Sends a command line and reads the whole (possibly multi-line, §4.2.1) reply.</summary>
    public async Task<Reply> CommandAsync(string line, CancellationToken cancellationToken)
    {
        _transcript?.WriteLine($">>> {line}");
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <summary>The message after a 354: each line starting with "." gets another (§4.5.2), then CRLF.CRLF.</summary>
    public async Task<Reply> SendContentAsync(byte[] content, CancellationToken cancellationToken)
    {
        var stuffed = new MemoryStream(content.Length + 64);
        var atLineStart = true;
        foreach (var b in content)
        {
            if (atLineStart && b == (byte)'.')
            {
                stuffed.WriteByte((byte)'.');
            }
            stuffed.WriteByte(b);
            atLineStart = b == (byte)'\n';
        }
        stuffed.Write(".\r\n"u8);
        _transcript?.WriteLine($">>> ({content.Length} bytes of message)");
        _transcript?.WriteLine(">>> .");
        await _stream.WriteAsync(stuffed.GetBuffer().AsMemory(0, (int)stuffed.Length), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    private async Task<Reply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        var text = new StringBuilder();
        while (true)
        {
            var line = await ReadLineAsync(timeout.Token);
            _transcript?.WriteLine($"<<< {line}");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SendmailException(SendmailExitCodes.Protocol, $"sendmail: the server's reply is not SMTP: {line}");
            }
            text.Append(text.Length > 0 ? "\n" : "").Append(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new Reply(code, text.ToString());
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                throw new SendmailException(SendmailExitCodes.Protocol, "sendmail: the server sent a reply line longer than 8 KB");
            }
            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                throw new SendmailException(SendmailExitCodes.TempFail, $"sendmail: the connection to the server failed: {e.Message}");
            }
            if (read == 0)
            {
                throw new SendmailException(SendmailExitCodes.TempFail, "sendmail: the server closed the connection");
            }
            _end += read;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
