using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Web.Tests.Infrastructure;

public static class HostMail
{
    /// <summary>Sends a message over SMTP and returns its id once the API lists it.</summary>
    public static async Task<long> SendAsync(TestHost host, MimeMessage message)
    {
        await MailSender.SendAsync(host.SmtpPort, message);
        var summary = await Eventually.GetAsync(async () =>
        {
            var page = await host.Http.GetFromJsonAsync<PageDto>("/api/v1/messages?limit=1000", TestJson.Options);
            return page!.Messages.FirstOrDefault(m => m.Subject == message.Subject);
        });
        return summary.Id;
    }

    public static async Task<PageDto> ListAsync(TestHost host) =>
        (await host.Http.GetFromJsonAsync<PageDto>("/api/v1/messages?limit=1000", TestJson.Options))!;
}
