using System.Text;
using MailCatcher.Hosting;
using MailCatcher.Tests.Inboxes;
using MailCatcher.Tests.Infrastructure;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Hosting;

public class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Blocks_are_16_KB_and_a_returned_block_is_reused()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        Assert.Equal(16 * 1024, first.Memory.Length);
        first.Memory.Span[0] = 42;
        first.Dispose();
        first.Dispose(); // a second dispose must not return the block twice

        using var again = pool.Rent(2048);
        using var other = pool.Rent();
        Assert.Same(first, again);
        Assert.NotSame(again, other);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public async Task Kestrel_uses_it_and_a_large_message_still_arrives_byte_exact()
    {
        await using var host = await TestHost.StartAsync();
        Assert.IsType<LargeBlockMemoryPoolFactory>(host.Services.GetRequiredService<IMemoryPoolFactory<byte>>());

        // 3 MB in one write: about 200 reads of up to 16 KB, with lines split across block boundaries.
        var body = new StringBuilder();
        for (var i = 0; body.Length < 3 * 1024 * 1024; i++)
        {
            body.Append("line ").Append(i).Append(' ').Append('x', i % 997).Append("\r\n");
        }
        var raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: blocks\r\n\r\n" + body;
        await TestMail.SendRawAsync(host, [Encoding.ASCII.GetBytes(raw)]);
        var list = await host.Http.ListAsync("api/v1/messages");
        var id = Assert.Single(list.Messages).Id;
        var stored = await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.ASCII.GetBytes(raw), stored);
    }
}
