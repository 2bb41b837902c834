using MailCatcher.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Tests.Api;

/// <summary>The full-text index follows retention: pruned messages are not found, kept ones are.</summary>
public sealed class RetentionSearchTests
{
    [Fact]
    public async Task Pruned_messages_leave_the_index()
    {
        await using var host = await TestHost.StartAsync(["--max-messages", "5"]);
        for (var i = 0; i < 8; i++)
        {
            await host.SendAsync("app@example.com", "user@example.com", $"Retained m{i}", $"bodyword{i} common");
        }

        var page = await host.SearchAsync("common");
        Assert.Equal(5, page.Total);
        Assert.Equal(["Retained m3", "Retained m4", "Retained m5", "Retained m6", "Retained m7"], page.Messages.Select(m => m.Subject).Order());
        Assert.Empty((await host.SearchAsync("bodyword0")).Messages);
        Assert.Single((await host.SearchAsync("bodyword7")).Messages);

        // The index itself holds exactly the stored messages: nothing left behind for a later id to collide with.
        await using var db = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM MessageSearch_docsize";
        Assert.Equal(5L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
