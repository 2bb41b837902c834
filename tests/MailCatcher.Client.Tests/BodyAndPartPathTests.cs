using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MailCatcher.Client;

namespace MailCatcher.Client.Tests;

/// <summary>
/// The html, text and parts methods against a recording handler: they call the contract's paths and
/// decode the answers. (Their endpoints are served by the web-UI work; live tests follow once both are merged.)
/// </summary>
public sealed class BodyAndPartPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Recorder(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(answer(request));
        }
    }

    private static (MailCatcherClient Client, Recorder Recorder) Create(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var recorder = new Recorder(answer);
        var http = new HttpClient(recorder) { BaseAddress = new Uri("http://mailcatcher.test:1080/") };
        return (new MailCatcherClient(http), recorder);
    }

    [Fact]
    public async Task Html_and_text_use_the_body_paths()
    {
        var (client, recorder) = Create(r => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(r.RequestUri!.AbsolutePath.EndsWith("/html") ? "<p>hi</p>" : "hi") });

        Assert.Equal("<p>hi</p>", await client.GetHtmlAsync(7, Ct));
        Assert.Equal("hi", await client.GetTextAsync(7, Ct));

        Assert.Equal(["http://mailcatcher.test:1080/api/v1/messages/7/html", "http://mailcatcher.test:1080/api/v1/messages/7/text"], recorder.Requests.Select(u => u.ToString()));
    }

    [Fact]
    public async Task Part_uses_the_parts_path_and_returns_bytes_type_and_name()
    {
        var (client, recorder) = Create(_ =>
        {
            var content = new ByteArrayContent([1, 2, 3]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"report.pdf\"" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var part = await client.GetPartAsync(7, "1.2", Ct);

        Assert.Equal("/api/v1/messages/7/parts/1.2", Assert.Single(recorder.Requests).AbsolutePath);
        Assert.Equal("application/pdf", part.ContentType);
        Assert.Equal("report.pdf", part.FileName);
        Assert.Equal([1, 2, 3], part.Content);
    }

    [Fact]
    public async Task A_problem_answer_becomes_the_exception()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("{\"title\":\"Not found\",\"status\":404,\"detail\":\"There is no part 9 in message 7.\"}", Encoding.UTF8, "application/problem+json"),
        });

        var error = await Assert.ThrowsAsync<MailCatcherApiException>(() => client.GetPartAsync(7, "9", Ct));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("There is no part 9 in message 7.", error.Problem!.Detail);
        await Assert.ThrowsAsync<MailCatcherApiException>(() => client.GetHtmlAsync(7, Ct));
    }
}
