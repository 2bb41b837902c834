using System.Net;
using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MailCatcher.Tests.Security;

/// <summary>MailKit authenticating with each mechanism (RFC 4954) in each <c>--smtp-auth</c> mode, over STARTTLS and implicit TLS.</summary>
public sealed class AuthMailKitTests
{
    private const string Password = "Correct-Horse-7";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SaslMechanism Mechanism(string name, string user, string password)
    {
        var credentials = new NetworkCredential(user, password);
        return name switch
        {
            "PLAIN" => new SaslMechanismPlain(credentials),
            "LOGIN" => new SaslMechanismLogin(credentials),
            "CRAM-MD5" => new SaslMechanismCramMd5(credentials),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    /// <summary>Connects with STARTTLS, or with implicit TLS on the smtps port (RFC 8314).</summary>
    private static async Task<SmtpClient> ConnectAsync(SecureHost server, bool implicitTls = false)
    {
        var client = server.NewClient();
        if (implicitTls)
        {
            await client.ConnectAsync("127.0.0.1", server.SmtpsPort!.Value, SecureSocketOptions.SslOnConnect, Cancel);
        }
        else
        {
            await client.ConnectAsync("127.0.0.1", server.SmtpPort, SecureSocketOptions.StartTls, Cancel);
        }
        Assert.True(client.IsSecure);
        return client;
    }

    private static async Task<MessageDetailDto> OnlyMessageAsync(TestHost host)
    {
        var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        return (await host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{Assert.Single(page!.Messages).Id}"))!;
    }

    [Theory]
    [InlineData("PLAIN", false)]
    [InlineData("LOGIN", false)]
    [InlineData("CRAM-MD5", false)]
    [InlineData("PLAIN", true)]
    [InlineData("LOGIN", true)]
    [InlineData("CRAM-MD5", true)]
    public async Task Mode_any_accepts_every_credential_and_records_the_user(string mechanism, bool implicitTls)
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--smtps-port", "0");
        using (var client = await ConnectAsync(server, implicitTls))
        {
            Assert.Contains(mechanism, client.AuthenticationMechanisms);
            await client.AuthenticateAsync(Mechanism(mechanism, "whoever@app.example", "any password"), Cancel);
            await client.SendAsync(SessionReads.Message(), Cancel);
            await client.DisconnectAsync(true, Cancel);
        }

        var message = await OnlyMessageAsync(server.Host);
        Assert.Equal("whoever@app.example", message.AuthenticatedUser);
        var session = Assert.Single(await SessionReads.EndedSessionsAsync(server.Host, 1));
        Assert.Equal("whoever@app.example", session.AuthenticatedUser);
        Assert.Contains(session.Transcript!, l => l.Direction == "info" && l.Text == $"AUTH {mechanism} succeeded: user whoever@app.example");
    }

    [Theory]
    [InlineData("PLAIN", false)]
    [InlineData("LOGIN", false)]
    [InlineData("CRAM-MD5", false)]
    [InlineData("PLAIN", true)]
    [InlineData("LOGIN", true)]
    [InlineData("CRAM-MD5", true)]
    public async Task With_a_user_list_right_credentials_are_accepted_and_wrong_ones_get_535_5_7_8(string mechanism, bool implicitTls)
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--smtps-port", "0", "--smtp-user", $"alice:{Password}", "--smtp-user", "bob:other:with:colons");
        using (var client = await ConnectAsync(server, implicitTls))
        {
            var refused = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(Mechanism(mechanism, "alice", "wrong"), Cancel));
            Assert.Contains("5.7.8", refused.Message);
            refused = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(Mechanism(mechanism, "mallory", Password), Cancel));
            await client.AuthenticateAsync(Mechanism(mechanism, "alice", Password), Cancel);
            await client.SendAsync(SessionReads.Message(), Cancel);
            await client.DisconnectAsync(true, Cancel);
        }
        using (var client = await ConnectAsync(server, implicitTls))
        {
            await client.AuthenticateAsync(Mechanism(mechanism, "bob", "other:with:colons"), Cancel);
            await client.DisconnectAsync(true, Cancel);
        }

        Assert.Equal("alice", (await OnlyMessageAsync(server.Host)).AuthenticatedUser);
        var sessions = await SessionReads.EndedSessionsAsync(server.Host, 2);
        Assert.Equal(2, sessions[0].Transcript!.Count(l => l.Text == "535 5.7.8 Authentication credentials invalid"));
        Assert.Equal("bob", sessions[1].AuthenticatedUser);
    }

    [Theory]
    [InlineData("PLAIN", false)]
    [InlineData("LOGIN", false)]
    [InlineData("CRAM-MD5", false)]
    [InlineData("PLAIN", true)]
    [InlineData("LOGIN", true)]
    [InlineData("CRAM-MD5", true)]
    public async Task Mode_required_refuses_MAIL_without_AUTH_with_530_5_7_0_and_accepts_it_after(string mechanism, bool implicitTls)
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--smtps-port", "0", "--smtp-auth", "required", "--smtp-user", $"alice:{Password}");
        using var client = await ConnectAsync(server, implicitTls);

        // MailKit turns 530 into its "not authenticated" exception; AuthPolicyTests checks the code on the wire.
        var refused = await Assert.ThrowsAsync<ServiceNotAuthenticatedException>(() => client.SendAsync(SessionReads.Message(), Cancel));
        Assert.Equal("5.7.0 Authentication required", refused.Message);

        await client.AuthenticateAsync(Mechanism(mechanism, "alice", Password), Cancel);
        await client.SendAsync(SessionReads.Message(), Cancel);
        await client.DisconnectAsync(true, Cancel);
        Assert.Equal("alice", (await OnlyMessageAsync(server.Host)).AuthenticatedUser);
    }

    [Fact]
    public async Task Users_file_holds_one_user_a_line_with_comments_and_blank_lines()
    {
        var folder = SecureHost.NewFolder();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "users.txt");
        await File.WriteAllTextAsync(file, "# test users\n\ncarol:from-a-file\ndave:x\n", Cancel);
        await using var server = await SecureHost.StartInAsync(folder, "--tls-self-signed", "--smtp-auth", "required", "--smtp-users-file", file);
        using var client = await ConnectAsync(server);

        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(Mechanism("PLAIN", "carol", "nope"), Cancel));
        await client.AuthenticateAsync(Mechanism("PLAIN", "carol", "from-a-file"), Cancel);
        await client.SendAsync(SessionReads.Message(), Cancel);
        await client.DisconnectAsync(true, Cancel);
        Assert.Equal("carol", (await OnlyMessageAsync(server.Host)).AuthenticatedUser);
    }

    [Fact]
    public async Task A_users_file_line_without_a_colon_stops_startup_without_echoing_it()
    {
        var folder = SecureHost.NewFolder();
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "users.txt");
            await File.WriteAllTextAsync(file, "alice:ok\nsecret-looking-line\n", Cancel);
            var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(Path.Combine(folder, "mail.db"), "--smtp-users-file", file));
            Assert.Equal($"SMTP user list: {file} line 2: expected name:password.", error.Message);
        }
        finally
        {
            SecureHost.DeleteFolder(folder);
        }
    }
}
