using System.Text;
using MailCatcher.Relay.Sending;

namespace MailCatcher.Relay.Tests;

public sealed class RelayTranscriptLoggerTests
{
    private static void Client(RelayTranscriptLogger log, string text) { var b = Encoding.UTF8.GetBytes(text); log.LogClient(b, 0, b.Length); }

    private static void Server(RelayTranscriptLogger log, string text) { var b = Encoding.UTF8.GetBytes(text); log.LogServer(b, 0, b.Length); }

    [Fact]
    public void Every_form_of_the_password_is_masked()
    {
        var secrets = RelayTranscriptLogger.SecretsFor("user", "hunter2");
        var log = new RelayTranscriptLogger(secrets);
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0user\0hunter2"));
        Client(log, $"AUTH PLAIN {plain}\r\n");
        Server(log, "535 5.7.8 bad\r\n");
        Client(log, "AUTH LOGIN\r\n");
        Server(log, "334 UGFzc3dvcmQ6\r\n");
        Client(log, Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter2")) + "\r\n");

        var text = log.ToString();

        Assert.Contains("C: AUTH PLAIN ********", text);
        Assert.DoesNotContain(plain, text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter2")), text);
    }

    [Fact]
    public void Message_data_is_cut_and_counted_and_the_final_reply_kept()
    {
        var log = new RelayTranscriptLogger([]);
        Client(log, "DATA\r\n");
        Server(log, "354 go ahead\r\n");
        var data = new string('x', RelayTranscriptLogger.MaxClientBytesPerTurn) + new string('y', 1000) + "\r\n.\r\n";
        Client(log, data);
        Server(log, "250 2.0.0 OK\r\n");

        var text = log.ToString();

        Assert.Contains("C: DATA\nS: 354 go ahead\n", text);
        Assert.DoesNotContain("yyyy", text);
        Assert.Contains($"[… {data.Length - RelayTranscriptLogger.MaxClientBytesPerTurn} more bytes of message data not shown …]", text);
        Assert.EndsWith("S: 250 2.0.0 OK\n", text);
    }
}
