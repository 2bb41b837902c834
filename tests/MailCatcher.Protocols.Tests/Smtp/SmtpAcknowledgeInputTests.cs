using System.IO.Pipelines;
using System.Text;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Protocols.Tests.Smtp;

/// <summary>
/// The session asks for an immediate TCP acknowledgement (TcpQuickAck) only while a message is
/// arriving: there a client with Nagle's algorithm on waits for one before sending the end of
/// DATA, and the server has no reply to carry it. Commands are answered, which acknowledges them.
/// </summary>
public sealed class SmtpAcknowledgeInputTests
{
    [Fact]
    public async Task Input_is_acknowledged_while_a_message_arrives_in_parts_and_not_between_commands()
    {
        var cancel = TestContext.Current.CancellationToken;
        var toServer = new Pipe();
        var toClient = new Pipe();
        var acknowledgements = 0;
        var sink = new CountingSink();
        using var session = new SmtpSession(new TestDuplexPipe(toServer.Reader, toClient.Writer), sink, new SmtpOptions(), TimeProvider.System, sessionId: 1, clientAddress: "127.0.0.1:1")
        {
            AcknowledgeInput = () => Interlocked.Increment(ref acknowledgements),
        };
        var running = session.RunAsync(cancel);
        var replies = new StreamReader(toClient.Reader.AsStream(), Encoding.ASCII);
        Assert.StartsWith("220 ", await replies.ReadLineAsync(cancel));

        await SendAsync("EHLO client.test\r\n");
        while ((await replies.ReadLineAsync(cancel))!.StartsWith("250-", StringComparison.Ordinal))
        {
        }
        await SendAsync("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n");
        Assert.StartsWith("250 ", await replies.ReadLineAsync(cancel));
        Assert.StartsWith("250 ", await replies.ReadLineAsync(cancel));
        Assert.StartsWith("354 ", await replies.ReadLineAsync(cancel));
        Assert.Equal(0, Volatile.Read(ref acknowledgements));

        // The message in two parts, as a Nagle client sends it: the body, then (after an ACK) its end.
        await SendAsync("Subject: in two parts\r\n\r\nbody\r\n");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref acknowledgements) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the session read the first part of the message without acknowledging it");
            await Task.Delay(5, cancel);
        }
        await SendAsync(".\r\n");
        Assert.StartsWith("250 ", await replies.ReadLineAsync(cancel));
        var afterMessage = Volatile.Read(ref acknowledgements);

        await SendAsync("NOOP\r\n");
        Assert.StartsWith("250 ", await replies.ReadLineAsync(cancel));
        await SendAsync("QUIT\r\n");
        Assert.StartsWith("221 ", await replies.ReadLineAsync(cancel));
        await running;
        Assert.Equal(afterMessage, Volatile.Read(ref acknowledgements));
        Assert.Equal(1, sink.Stored);

        async Task SendAsync(string text) => await toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes(text), cancel);
    }

    private sealed class CountingSink : IMessageSink
    {
        public int Stored;

        public Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken) => Task.FromResult((long)Interlocked.Increment(ref Stored));
    }
}
