using System.Diagnostics;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>
/// End to end with swaks, a real and widely used SMTP test client: STARTTLS (verifying the
/// self-signed certificate from the data folder), implicit TLS, each AUTH mechanism, pipelining.
/// <c>.ci/run</c> installs swaks and the Perl modules its TLS and CRAM-MD5 need.
/// </summary>
public sealed class SwaksTests : IAsyncLifetime
{
    private const string Swaks = "/usr/bin/swaks";
    private const string Password = "swaks-Secret-9";

    private SecureHost _server = null!;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync(
        "--tls-self-signed", "--smtps-port", "0", "--smtp-auth", "required", "--smtp-user", $"alice:{Password}",
        "--smtp-fault", "rcpt *@flaky.test 451 4.3.0 Try again later");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static async Task<(int ExitCode, string Output)> RunSwaksAsync(params string[] args)
    {
        if (!File.Exists(Swaks))
        {
            Assert.Skip("swaks is not installed; bash .ci/run installs it");
        }
        var start = new ProcessStartInfo(Swaks) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private string[] Common(int port, params string[] more) =>
    [
        "--server", $"127.0.0.1:{port}", "--from", "app@example.com", "--to", "user@example.com",
        "--tls-verify", "--tls-ca-path", Path.Combine(_server.Folder, "tls-self-signed.crt"),
        "--header", "Subject: from swaks", .. more,
    ];

    private async Task<MessageDetailDto> OnlyMessageAsync()
    {
        var page = await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        return (await _server.Host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{Assert.Single(page!.Messages).Id}"))!;
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task STARTTLS_then_AUTH_delivers_a_message_recording_user_and_TLS(string mechanism)
    {
        var (exit, output) = await RunSwaksAsync(Common(_server.SmtpPort, "--tls", "--auth", mechanism, "--auth-user", "alice", "--auth-password", Password));

        Assert.True(exit == 0, output);
        Assert.Contains("235 2.7.0 Authentication successful", output);
        var message = await OnlyMessageAsync();
        Assert.Equal("alice", message.AuthenticatedUser);
        Assert.Matches(@"^TLSv1\.[23] ", message.Tls);
        Assert.Equal("from swaks", message.Subject);
    }

    [Fact]
    public async Task Pipelined_commands_over_STARTTLS_are_answered_in_order()
    {
        var (exit, output) = await RunSwaksAsync(Common(_server.SmtpPort, "--tls", "--pipeline", "--auth", "PLAIN", "--auth-user", "alice", "--auth-password", Password));

        Assert.True(exit == 0, output);
        var replies = output.Split('\n').Where(l => l.StartsWith("<~  25", StringComparison.Ordinal) || l.StartsWith("<~  354", StringComparison.Ordinal)).ToList();
        Assert.Contains("<~  250 2.1.0 Sender OK", replies);
        var sender = replies.IndexOf("<~  250 2.1.0 Sender OK");
        Assert.Equal("<~  250 2.1.5 Recipient OK", replies[sender + 1]);
        Assert.StartsWith("<~  354 ", replies[sender + 2]);
        Assert.Equal("alice", (await OnlyMessageAsync()).AuthenticatedUser);
    }

    [Fact]
    public async Task Implicit_TLS_on_the_smtps_port()
    {
        var (exit, output) = await RunSwaksAsync(Common(_server.SmtpsPort!.Value, "--tlsc", "--auth", "LOGIN", "--auth-user", "alice", "--auth-password", Password));

        Assert.True(exit == 0, output);
        Assert.Matches(@"^TLSv1\.[23] ", (await OnlyMessageAsync()).Tls);
    }

    [Fact]
    public async Task Wrong_password_and_a_flaky_recipient_get_the_configured_refusals()
    {
        var (exit, output) = await RunSwaksAsync(Common(_server.SmtpPort, "--tls", "--auth", "CRAM-MD5", "--auth-user", "alice", "--auth-password", "wrong"));
        Assert.NotEqual(0, exit);
        Assert.Contains("535 5.7.8 Authentication credentials invalid", output);

        (exit, output) = await RunSwaksAsync([.. Common(_server.SmtpPort, "--tls", "--auth", "PLAIN", "--auth-user", "alice", "--auth-password", Password), "--to", "someone@flaky.test"]);
        Assert.NotEqual(0, exit);
        Assert.Contains("451 4.3.0 Try again later", output);
        Assert.Equal(0, (await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }
}
