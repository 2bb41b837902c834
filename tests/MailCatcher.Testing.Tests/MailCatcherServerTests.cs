using System.Net.Sockets;
using MailCatcher.Client;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailCatcher.Testing.Tests;

/// <summary>The in-process server as a user's xUnit v3 suite meets it.</summary>
public sealed class MailCatcherServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task SendAsync(MailCatcherServer server, string to, string subject, string? user = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("app@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Your code is 481516." };
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(server.SmtpHost, server.SmtpPort, SecureSocketOptions.None, Cancel);
        if (user is not null)
        {
            await smtp.AuthenticateAsync(user, "secret", Cancel);
        }
        await smtp.SendAsync(message, Cancel);
        await smtp.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task A_message_sent_to_the_SMTP_endpoint_is_read_back_through_the_ready_client()
    {
        await using var server = await MailCatcherServer.StartAsync(cancellationToken: Cancel);

        await SendAsync(server, "ann@example.com", "Your sign-in code");

        var message = await server.Client.WaitForMessageAsync("to:ann@example.com", TimeSpan.FromSeconds(10), cancellationToken: Cancel);
        Assert.Equal("Your sign-in code", message.Subject);
        Assert.Equal("481516", (await server.Client.GetCodesAsync(message.Id, Cancel))[0].Code);
        Assert.Null(server.Pop3Port);
    }

    [Fact]
    public async Task Servers_side_by_side_have_their_own_ports_and_mail()
    {
        await using var first = await MailCatcherServer.StartAsync(cancellationToken: Cancel);
        await using var second = await MailCatcherServer.StartAsync(cancellationToken: Cancel);

        await SendAsync(first, "ann@example.com", "to the first");

        Assert.NotEqual(first.SmtpPort, second.SmtpPort);
        Assert.NotEqual(first.WebAddress, second.WebAddress);
        Assert.NotEqual(first.DatabasePath, second.DatabasePath);
        Assert.Equal(1, (await first.Client.ListAsync(cancellationToken: Cancel)).Total);
        Assert.Equal(0, (await second.Client.ListAsync(cancellationToken: Cancel)).Total);
    }

    [Fact]
    public async Task Dispose_stops_listening_and_deletes_the_temporary_database()
    {
        var server = await MailCatcherServer.StartAsync(cancellationToken: Cancel);
        var (port, database) = (server.SmtpPort, server.DatabasePath);
        Assert.True(File.Exists(database));

        await server.DisposeAsync();

        Assert.False(File.Exists(database));
        using var tcp = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await tcp.ConnectAsync("127.0.0.1", port, Cancel));
        await server.DisposeAsync();   // twice is harmless
    }

    [Fact]
    public async Task Options_pass_flags_through_and_turn_on_POP3_and_IMAP()
    {
        var options = new MailCatcherServerOptions { EnableMailboxProtocols = true };
        options.Arguments.Add("--smtp-auth");
        options.Arguments.Add("required");
        options.Settings["Smtp:HostName"] = "fixture.test";
        await using var server = await MailCatcherServer.StartAsync(options, Cancel);

        var refused = await Assert.ThrowsAsync<MailKit.ServiceNotAuthenticatedException>(() => SendAsync(server, "ann@example.com", "no auth"));
        await SendAsync(server, "ann@example.com", "with auth", user: "app");

        Assert.StartsWith("5.7.0", refused.Message);
        var message = Assert.Single((await server.Client.ListAsync(cancellationToken: Cancel)).Messages);
        Assert.Equal("with auth", message.Subject);
        Assert.NotNull(server.Pop3Port);
        Assert.NotNull(server.ImapPort);
        using var smtp = new TcpClient();
        await smtp.ConnectAsync(server.SmtpHost, server.SmtpPort, Cancel);
        using var reader = new StreamReader(smtp.GetStream());
        Assert.StartsWith("220 fixture.test ", await reader.ReadLineAsync(Cancel));
    }

    [Fact]
    public async Task A_kept_database_survives_a_restart()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-testing-kept-{Guid.NewGuid():N}.db");
        try
        {
            await using (var server = await MailCatcherServer.StartAsync(new MailCatcherServerOptions { DatabasePath = database }, Cancel))
            {
                await SendAsync(server, "ann@example.com", "kept");
            }
            await using var again = await MailCatcherServer.StartAsync(new MailCatcherServerOptions { DatabasePath = database }, Cancel);
            Assert.Equal("kept", Assert.Single((await again.Client.ListAsync(cancellationToken: Cancel)).Messages).Subject);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    [Fact]
    public async Task A_bad_flag_fails_the_start_with_the_reason()
    {
        var options = new MailCatcherServerOptions();
        options.Arguments.Add("--smtp-prot");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MailCatcherServer.StartAsync(options, Cancel));

        Assert.Contains("--smtp-prot", error.Message);
    }
}
