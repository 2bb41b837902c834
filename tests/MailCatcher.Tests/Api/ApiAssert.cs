using System.Net;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Api;

internal static class ApiAssert
{
    /// <summary>Asserts an RFC 7807 problem with the status and a detail containing <paramref name="detailPart"/>.</summary>
    public static async Task<ProblemDto> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detailPart = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>(TestJson.Options, TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        if (detailPart is not null)
        {
            Assert.Contains(detailPart, problem.Detail ?? "", StringComparison.Ordinal);
        }
        return problem;
    }

    public static async Task<MessagePageDto> SearchAsync(this TestHost host, string q)
    {
        var response = await host.Http.GetAsync($"api/v1/messages?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"q={q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<MessagePageDto>(TestJson.Options, TestContext.Current.CancellationToken))!;
    }

    public static async Task<List<string>> SubjectsAsync(this TestHost host, string q)
        => [.. (await host.SearchAsync(q)).Messages.Select(m => m.Subject).Order()];
}
