using System.Net.Http.Headers;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Inboxes;

public sealed record CreatedInboxDto(string Name, string SmtpUser, string SmtpPassword, string ApiToken, DateTime CreatedAt, DateTime? ExpiresAt, int MaxMessages);

public sealed record InboxSummaryDto(string Name, int Messages, int Unread, DateTime CreatedAt, DateTime? ExpiresAt, int MaxMessages, bool RequiresToken);

public sealed record InboxListDto(List<InboxSummaryDto> Inboxes);

public sealed record InboxMessageDto(long Id, string Subject, string Inbox, List<string> EnvelopeTo);

public sealed record InboxPageDto(int Total, int Unread, List<InboxMessageDto> Messages);

public sealed record InboxWaitDto(List<InboxMessageDto> Messages);

/// <summary>What the inbox tests do over and over: create an inbox, send with its credentials, read it with its token.</summary>
public static class InboxKit
{
    public static async Task<CreatedInboxDto> CreateInboxAsync(this TestHost host, object? request = null)
    {
        var response = await host.Http.PostAsJsonAsync("api/v1/inboxes", request ?? new { }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedInboxDto>(TestJson.Options, TestContext.Current.CancellationToken))!;
    }

    /// <summary>An HTTP client for the host that sends the inbox's token.</summary>
    public static HttpClient ClientFor(this TestHost host, string? token)
    {
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>Sends with MailKit, authenticated when a user is given, as an app configured with the inbox's credentials would.</summary>
    public static async Task SendAsAsync(this TestHost host, string? user, string? password, params MimeMessage[] messages)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        if (user is not null)
        {
            await client.AuthenticateAsync(user, password ?? "", TestContext.Current.CancellationToken);
        }
        foreach (var message in messages)
        {
            await client.SendAsync(message, TestContext.Current.CancellationToken);
        }
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    public static async Task<InboxPageDto> ListAsync(this HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<InboxPageDto>(path, TestJson.Options, TestContext.Current.CancellationToken);
        return page!;
    }
}
