using System.Globalization;
using System.Text;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// Issue 16, disk full: on a real small file system (tmpfs) SMTP answers <c>452 4.3.1</c>
/// (RFC 5321 §4.2.2, RFC 3463 X.3.1 "mail system full") instead of 250 or a crash, nothing it
/// acknowledged is lost, and it takes mail again as soon as space returns, without a restart.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed class DiskFullTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_database_disk_answers_452_4_3_1_keeps_every_acknowledged_message_and_recovers_when_space_returns()
    {
        var (disk, refusal) = await TinyFileSystem.TryMountAsync(4 * 1024);
        if (disk is null)
        {
            Assert.Skip(refusal);
        }
        await using (disk)
        {
            var database = Path.Combine(disk.Path, "mail.db");
            var acknowledged = new Dictionary<long, byte[]>();
            var random = new Random(16);
            using (var server = await ServerProcess.StartAsync(database))
            {
                var (wire, _) = await SmtpWire.ConnectAsync(server.SmtpPort);
                await using (wire)
                {
                    await wire.CommandAsync("EHLO full.test");
                    // Incompressible 60 KB messages: a 4 MB disk fills within a few dozen.
                    string? refused = null;
                    for (var n = 0; n < 400 && refused is null; n++)
                    {
                        var raw = Message(random, n, 60_000);
                        var reply = await SendAsync(wire, raw);
                        if (reply.StartsWith("250 ", StringComparison.Ordinal))
                        {
                            acknowledged[Id(reply)] = raw;
                        }
                        else
                        {
                            refused = reply;
                        }
                    }
                    Assert.True(refused is not null, "the 4 MB disk never filled up");
                    Assert.StartsWith("452 4.3.1 ", refused);
                    Assert.NotEmpty(acknowledged);
                    // Still full: the next message is refused the same way, and the session lives on.
                    Assert.StartsWith("452 4.3.1 ", await SendAsync(wire, Message(random, 1000, 60_000)));
                    Assert.StartsWith("250", await wire.CommandAsync("NOOP"));

                    await AssertStoredAsync(server.Http, acknowledged);

                    // Space returns: the same running server takes mail again.
                    await disk.ResizeAsync(64 * 1024);
                    var after = Message(random, 2000, 60_000);
                    var reply2 = await SendAsync(wire, after);
                    Assert.StartsWith("250 ", reply2);
                    acknowledged[Id(reply2)] = after;
                    await wire.CommandAsync("QUIT");
                }
                await AssertStoredAsync(server.Http, acknowledged);
                await server.KillAsync();
            }
            Assert.Equal("ok", IntegrityCheck(database));
            using var restarted = await ServerProcess.StartAsync(database);
            await AssertStoredAsync(restarted.Http, acknowledged);
        }
    }

    [Fact]
    public async Task A_temp_folder_too_small_for_a_spooled_message_answers_452_4_3_1_and_takes_it_when_space_returns()
    {
        var (spool, refusal) = await TinyFileSystem.TryMountAsync(512);
        if (spool is null)
        {
            Assert.Skip(refusal);
        }
        await using (spool)
        {
            var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-spool-{Guid.NewGuid():N}.db");
            try
            {
                // Messages over 1 MB are spooled to the temp folder while they come in (SpooledContent).
                using var server = await ServerProcess.StartAsync(database, new Dictionary<string, string> { ["TMPDIR"] = spool.Path });
                var random = new Random(17);
                var (wire, _) = await SmtpWire.ConnectAsync(server.SmtpPort);
                await using (wire)
                {
                    await wire.CommandAsync("EHLO spool.test");
                    var big = Message(random, 1, 3_000_000);
                    Assert.StartsWith("452 4.3.1 ", await SendAsync(wire, big));
                    // A small message never touches the spool file and is taken meanwhile.
                    var small = Message(random, 2, 5_000);
                    var smallReply = await SendAsync(wire, small);
                    Assert.StartsWith("250 ", smallReply);

                    await spool.ResizeAsync(16 * 1024);
                    var bigReply = await SendAsync(wire, big);
                    Assert.StartsWith("250 ", bigReply);
                    await AssertStoredAsync(server.Http, new Dictionary<long, byte[]> { [Id(smallReply)] = small, [Id(bigReply)] = big });
                    await wire.CommandAsync("QUIT");
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(database + suffix);
                }
            }
        }
    }

    private static async Task<string> SendAsync(SmtpWire wire, byte[] raw)
    {
        Assert.StartsWith("250", await wire.CommandAsync("MAIL FROM:<a@b.test>"));
        Assert.StartsWith("250", await wire.CommandAsync("RCPT TO:<c@d.test>"));
        Assert.StartsWith("354", await wire.CommandAsync("DATA"));
        // ToSmtpData ends with the "." line.
        await wire.SendRawAsync(TestMail.ToSmtpData(raw));
        return await wire.ReadReplyAsync();
    }

    private static long Id(string reply) => long.Parse(reply.Split(' ')[^1], CultureInfo.InvariantCulture);

    /// <summary>Random base64 lines: compression cannot shrink them much, so they really take disk.</summary>
    private static byte[] Message(Random random, int n, int size)
    {
        var text = new StringBuilder(size + 200);
        text.Append(CultureInfo.InvariantCulture, $"From: a@b.test\r\nTo: c@d.test\r\nSubject: full disk {n}\r\n\r\n");
        var line = new byte[57];
        while (text.Length < size)
        {
            random.NextBytes(line);
            text.Append(Convert.ToBase64String(line)).Append("\r\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task AssertStoredAsync(HttpClient http, Dictionary<long, byte[]> acknowledged)
    {
        foreach (var (id, raw) in acknowledged)
        {
            using var response = await http.GetAsync($"api/v1/messages/{id}/raw", Token);
            Assert.True(response.IsSuccessStatusCode, $"acknowledged message {id} was lost ({(int)response.StatusCode})");
            var stored = await response.Content.ReadAsByteArrayAsync(Token);
            Assert.True(raw.AsSpan().SequenceEqual(stored), $"message {id} stored {stored.Length} bytes, sent {raw.Length}");
        }
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
