using System.Security.Cryptography;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>AUTH on the wire (RFC 4954 §4 and §6): every error reply, exact codes.</summary>
public sealed class AuthWireTests : IAsyncLifetime
{
    private const string Password = "Tr0ub4dor&3-never-logged";

    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--smtp-user", $"alice:{Password}");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private async Task<SecureWire> GreetedAsync()
    {
        var (wire, _) = await _server.ConnectAsync();
        await wire.CommandAsync("EHLO client.example");
        return wire;
    }

    [Fact]
    public async Task RFC4954_4_PLAIN_with_an_initial_response_and_LOGIN_step_by_step()
    {
        await using (var wire = await GreetedAsync())
        {
            Assert.Equal("235 2.7.0 Authentication successful", await wire.CommandAsync($"AUTH PLAIN {B64($"\0alice\0{Password}")}"));
        }
        await using (var wire = await GreetedAsync())
        {
            Assert.Equal("334 ", await wire.CommandAsync("AUTH PLAIN"));
            Assert.Equal("235 2.7.0 Authentication successful", await wire.CommandAsync(B64($"alice\0alice\0{Password}")));
        }
        await using (var wire = await GreetedAsync())
        {
            Assert.Equal("334 VXNlcm5hbWU6", await wire.CommandAsync("AUTH LOGIN"));
            Assert.Equal("334 UGFzc3dvcmQ6", await wire.CommandAsync(B64("alice")));
            Assert.Equal("235 2.7.0 Authentication successful", await wire.CommandAsync(B64(Password)));
        }
    }

    [Fact]
    public async Task RFC2195_CRAM_MD5_digest_of_the_servers_challenge()
    {
        await using var wire = await GreetedAsync();
        var challengeReply = await wire.CommandAsync("AUTH CRAM-MD5");
        Assert.StartsWith("334 ", challengeReply);
        var challenge = Encoding.ASCII.GetString(Convert.FromBase64String(challengeReply[4..]));
        Assert.Matches(@"^<\d+\.\d+@[^>]+>$", challenge);
#pragma warning disable CA5351 // the mechanism under test is defined on MD5
        var digest = Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(Password), Encoding.ASCII.GetBytes(challenge)));
#pragma warning restore CA5351
        Assert.Equal("235 2.7.0 Authentication successful", await wire.CommandAsync(B64($"alice {digest}")));
    }

    [Fact]
    public async Task RFC4954_6_wrong_credentials_get_535_5_7_8()
    {
        await using var wire = await GreetedAsync();
        Assert.Equal("535 5.7.8 Authentication credentials invalid", await wire.CommandAsync($"AUTH PLAIN {B64("\0alice\0wrong")}"));
        Assert.Equal("334 VXNlcm5hbWU6", await wire.CommandAsync("AUTH LOGIN"));
        Assert.Equal("334 UGFzc3dvcmQ6", await wire.CommandAsync(B64("nobody")));
        Assert.Equal("535 5.7.8 Authentication credentials invalid", await wire.CommandAsync(B64(Password)));
    }

    [Fact]
    public async Task RFC4954_4_a_response_that_is_not_base64_gets_501()
    {
        await using var wire = await GreetedAsync();
        Assert.StartsWith("501 5.5.2 Cannot decode response", await wire.CommandAsync("AUTH PLAIN not*base64!"));
        Assert.Equal("334 VXNlcm5hbWU6", await wire.CommandAsync("AUTH LOGIN"));
        Assert.StartsWith("501 5.5.2", await wire.CommandAsync("%%%"));
        // A PLAIN message without its two NULs is malformed too.
        Assert.StartsWith("501 5.5.2", await wire.CommandAsync($"AUTH PLAIN {B64("alice")}"));
        // The session is still usable.
        Assert.StartsWith("235 ", await wire.CommandAsync($"AUTH PLAIN {B64($"\0alice\0{Password}")}"));
    }

    [Fact]
    public async Task RFC4954_4_a_client_that_answers_with_a_star_cancels_with_501()
    {
        await using var wire = await GreetedAsync();
        Assert.Equal("334 VXNlcm5hbWU6", await wire.CommandAsync("AUTH LOGIN"));
        Assert.Equal("334 UGFzc3dvcmQ6", await wire.CommandAsync(B64("alice")));
        Assert.Equal("501 5.0.0 Authentication cancelled", await wire.CommandAsync("*"));
        Assert.StartsWith("334 ", await wire.CommandAsync("AUTH CRAM-MD5"));
        Assert.Equal("501 5.0.0 Authentication cancelled", await wire.CommandAsync("*"));
        Assert.StartsWith("250 ", await wire.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task RFC4954_4_AUTH_after_a_successful_AUTH_gets_503()
    {
        await using var wire = await GreetedAsync();
        Assert.StartsWith("235 ", await wire.CommandAsync($"AUTH PLAIN {B64($"\0alice\0{Password}")}"));
        Assert.StartsWith("503 5.5.1", await wire.CommandAsync($"AUTH PLAIN {B64($"\0alice\0{Password}")}"));
    }

    [Fact]
    public async Task RFC4954_4_AUTH_before_EHLO_or_inside_a_mail_transaction_gets_503()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("AUTH PLAIN"));
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("250 ", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("AUTH PLAIN"));
        }
    }

    [Fact]
    public async Task RFC4954_4_an_unknown_mechanism_gets_504_and_CRAM_MD5_refuses_an_initial_response()
    {
        await using var wire = await GreetedAsync();
        Assert.Equal("504 5.5.4 Unrecognized authentication type", await wire.CommandAsync("AUTH GSSAPI"));
        Assert.StartsWith("501 5.5.4", await wire.CommandAsync($"AUTH CRAM-MD5 {B64("alice 00")}"));
        Assert.StartsWith("501 5.5.4", await wire.CommandAsync("AUTH"));
    }

    [Fact]
    public async Task Passwords_appear_nowhere_in_the_transcripts_nor_in_the_database_file()
    {
        var plain = B64($"\0alice\0{Password}");
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync($"AUTH PLAIN {plain}");
            await wire.CommandAsync("MAIL FROM:<a@example.com>");
            await wire.CommandAsync("RCPT TO:<b@example.com>");
            await wire.CommandAsync("DATA");
            await wire.CommandAsync("Subject: hi\r\n\r\nbody\r\n.");
            await wire.CommandAsync("QUIT");
        }
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("AUTH LOGIN");
            await wire.CommandAsync(B64("alice"));
            await wire.CommandAsync(B64(Password + "-wrong"));
        }
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("AUTH PLAIN");
            await wire.CommandAsync(B64($"\0alice\0{Password}"));
        }

        var sessions = await SessionReads.EndedSessionsAsync(_server.Host, 3);
        var transcripts = string.Join("\n", sessions.SelectMany(s => s.Transcript!).Select(l => l.Text));
        foreach (var secret in new[] { Password, plain, B64(Password), B64(Password + "-wrong") })
        {
            Assert.DoesNotContain(secret, transcripts, StringComparison.Ordinal);
        }
        Assert.Contains("AUTH PLAIN <initial response, not recorded>", transcripts);
        Assert.Contains("AUTH LOGIN failed for user alice", transcripts);
        Assert.Contains("AUTH PLAIN succeeded: user alice", transcripts);
        var message = await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        Assert.Equal("alice", (await _server.Host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{Assert.Single(message!.Messages).Id}"))!.AuthenticatedUser);

        var database = ReadShared(_server.Host.DatabasePath) + ReadShared(_server.Host.DatabasePath + "-wal");
        Assert.DoesNotContain(Password, database, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, database, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        file.CopyTo(bytes);
        return Encoding.Latin1.GetString(bytes.ToArray());
    }
}
