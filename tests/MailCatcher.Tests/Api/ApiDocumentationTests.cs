using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Api;

/// <summary>The OpenAPI document describes every endpoint and parameter; the docs page works without a CDN.</summary>
public sealed partial class ApiDocumentationTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint_with_descriptions()
    {
        using var document = JsonDocument.Parse(await _host.Http.GetStringAsync("openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        string[] expected =
        [
            "get /api/v1/messages", "delete /api/v1/messages", "get /api/v1/messages/{id}", "patch /api/v1/messages/{id}",
            "delete /api/v1/messages/{id}", "get /api/v1/messages/{id}/raw", "get /api/v1/messages/{id}/headers",
            "get /api/v1/messages/{id}/links", "get /api/v1/messages/{id}/codes", "get /api/v1/messages/wait",
            "get /api/v1/sessions", "get /api/v1/sessions/{id}", "get /api/v1/info", "get /healthz",
        ];
        foreach (var endpoint in expected)
        {
            var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{endpoint} is missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{endpoint} has no summary");
            if (operation.TryGetProperty("parameters", out var parameters) && path.StartsWith("/api/v1/messages", StringComparison.Ordinal))
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    Assert.True(parameter.TryGetProperty("description", out var d) && d.GetString()!.Length > 0,
                        $"{endpoint} parameter {parameter.GetProperty("name")} has no description");
                }
            }
        }
        var wait = paths.GetProperty("/api/v1/messages/wait").GetProperty("get");
        Assert.Equal(["q", "timeout", "since", "count"], wait.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(wait.GetProperty("responses").TryGetProperty("408", out _));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var summary = schemas.GetProperty("MessageSummary").GetProperty("properties");
        Assert.Equal("The SMTP RCPT TO addresses.", summary.GetProperty("envelopeTo").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Docs_page_serves_its_script_from_this_host()
    {
        var response = await _host.Http.GetAsync("api/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.DoesNotContain("://", src, StringComparison.Ordinal);
            var script = await _host.Http.GetAsync(new Uri(response.RequestMessage!.RequestUri!, src), Ct);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync(Ct)).Length > 1000);
        }
        // Scalar resolves the document against the site root: /openapi/v1.json. No remote fonts.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
