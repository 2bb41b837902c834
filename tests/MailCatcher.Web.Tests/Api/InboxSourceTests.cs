using MailCatcher.Mail;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Api;

/// <summary>The inbox's data source: windows newest first, searched with design.md's language (the API's parser and index).</summary>
public sealed class InboxSourceTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        await HostMail.SendAsync(_host, MailSender.Text("Invoice 100% paid", "thanks", from: "billing@shop.example", to: "ann@example.com"));
        await HostMail.SendAsync(_host, MailSender.Text("Welcome", "hello", from: "hello@app.example", to: "bob@example.com"));
        await HostMail.SendAsync(_host, MailSender.Text("Reset your password", "code", from: "security@app.example", to: "ann@example.com"));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private InboxSource Source => _host.Services.GetRequiredService<InboxSource>();

    [Fact]
    public async Task A_window_is_newest_first_with_the_total_and_the_store_wide_unread_count()
    {
        var page = await Source.ListAsync(null, 1, 1, TestContext.Current.CancellationToken);
        Assert.Equal(3, page.Total);
        Assert.Equal(3, page.Unread);
        Assert.Equal("Welcome", Assert.Single(page.Messages).Subject);
    }

    [Theory]
    [InlineData("invoice", new[] { "Invoice 100% paid" })]
    [InlineData("APP.EXAMPLE", new[] { "Reset your password", "Welcome" })]
    [InlineData("ann@example.com password", new[] { "Reset your password" })]
    [InlineData("100%", new[] { "Invoice 100% paid" })]
    [InlineData("1_0", new string[0])]
    [InlineData("", new[] { "Reset your password", "Welcome", "Invoice 100% paid" })]
    [InlineData("from:billing@shop.example", new[] { "Invoice 100% paid" })]
    [InlineData("to:bob@example.com", new[] { "Welcome" })]
    [InlineData("subject:\"reset your\"", new[] { "Reset your password" })]
    [InlineData("-welcome", new[] { "Reset your password", "Invoice 100% paid" })]
    [InlineData("is:unread invoice", new[] { "Invoice 100% paid" })]
    [InlineData("subject:\"unclosed", new string[0])]
    public async Task The_search_box_speaks_the_search_language(string query, string[] subjects)
    {
        var page = await Source.ListAsync(query, 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(subjects, page.Messages.Select(m => m.Subject));
        Assert.Equal(subjects.Length, page.Total);
        Assert.Equal(subjects.Length, (await Source.MatchingIdsAsync(query, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task The_index_of_a_message_is_its_place_in_the_filtered_list()
    {
        var all = await Source.ListAsync(null, 0, 10, TestContext.Current.CancellationToken);
        var oldest = all.Messages[^1].Id;
        Assert.Equal(2, await Source.IndexOfAsync(null, oldest, TestContext.Current.CancellationToken));
        Assert.Equal(0, await Source.IndexOfAsync("invoice", oldest, TestContext.Current.CancellationToken));
        Assert.Equal(-1, await Source.IndexOfAsync("welcome", oldest, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_malformed_query_is_explained()
    {
        Assert.NotNull(InboxSource.Validate("subject:\"unclosed"));
        Assert.Null(InboxSource.Validate("from:ann@example.com -tag:ci"));
    }
}
