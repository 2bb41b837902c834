using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Tests.Security;

/// <summary>Reading sessions back through the API, once the server has recorded their end.</summary>
internal static class SessionReads
{
    /// <summary>Waits until at least <paramref name="count"/> sessions exist and all have ended; returns them with transcripts, oldest first.</summary>
    public static async Task<List<SessionDto>> EndedSessionsAsync(TestHost host, int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var page = await host.GetJsonAsync<SessionPageDto>("api/v1/sessions?limit=100");
            if (page!.Sessions.Count >= count && page.Sessions.All(s => s.EndedAt is not null))
            {
                var sessions = new List<SessionDto>();
                foreach (var summary in page.Sessions.OrderBy(s => s.Id))
                {
                    sessions.Add((await host.GetJsonAsync<SessionDto>($"api/v1/sessions/{summary.Id}"))!);
                }
                return sessions;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"{count} ended sessions did not appear.");
    }

    /// <summary>The transcript of the one session a test ran, as "direction text" lines.</summary>
    public static async Task<List<string>> OnlyTranscriptAsync(TestHost host)
    {
        var session = Assert.Single(await EndedSessionsAsync(host, 1));
        return [.. session.Transcript!.Select(l => $"{l.Direction} {l.Text}")];
    }

    public static MimeMessage Message(string from = "app@example.com", string to = "user@example.com")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "security test";
        message.Body = new TextPart("plain") { Text = "Hello" };
        return message;
    }
}
