using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MailCatcher.Tests.Security;

/// <summary><c>GET/PUT /api/v1/faults</c>: rules changed at run time, problems as RFC 7807.</summary>
public sealed class FaultsApiTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> PutAsync(string json) =>
        _server.Host.Http.PutAsync("api/v1/faults", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

    [Fact]
    public async Task No_rules_by_default_and_a_PUT_takes_effect_for_the_next_command_without_a_restart()
    {
        Assert.Equal("""{"rules":[]}""", await _server.Host.Http.GetStringAsync("api/v1/faults", Cancel));
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("250 ", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
            await wire.CommandAsync("RSET");

            using (var put = await PutAsync("""{"rules":[{"stage":"MAIL","code":452,"text":"4.3.1 Insufficient system storage"}]}"""))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                var body = await put.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                Assert.Equal("mail", body.GetProperty("rules")[0].GetProperty("stage").GetString());
            }
            Assert.Equal("452 4.3.1 Insufficient system storage", await wire.CommandAsync("MAIL FROM:<a@example.com>"));

            using (var clear = await PutAsync("""{"rules":[]}"""))
            {
                Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
            }
            Assert.StartsWith("250 ", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }

    [Theory]
    [InlineData("""{"rules":[{"stage":"quit","code":451,"text":"x"}]}""", "rules[0]: stage 'quit' is not one of connect, ehlo, mail, rcpt, data, auth.")]
    [InlineData("""{"rules":[{"stage":"rcpt","code":250,"text":"fine"}]}""", "rules[0]: a reply needs a code from 400 to 599.")]
    [InlineData("""{"rules":[{"stage":"rcpt","code":451}]}""", "rules[0]: a reply needs a one-line text.")]
    [InlineData("""{"rules":[{"stage":"rcpt","action":"delay","delay":"soon"}]}""", "rules[0]: a delay needs a duration up to 10 minutes such as 2s, 500ms or 00:00:02; it was 'soon'.")]
    [InlineData("""{"rules":[{"stage":"rcpt","action":"drop"},{"stage":"rcpt","action":"explode"}]}""", "rules[1]: action 'explode' is not one of reply, delay, drop.")]
    [InlineData("""{"rules":[{"stage":"connect","address":"*@x","action":"drop"}]}""", "rules[0]: an address applies only to the mail, rcpt, data and auth stages.")]
    [InlineData("""{"rules":[{"stage":"rcpt","address":"/(/","action":"drop"}]}""", null)]
    [InlineData("""{"rules":[{"stage":"rcpt","probability":101,"action":"drop"}]}""", "rules[0]: probability must be between 0 and 100; it was 101.")]
    public async Task An_invalid_rule_is_refused_with_a_problem_and_the_rules_in_force_stay(string json, string? detail)
    {
        using (var ok = await PutAsync("""{"rules":[{"stage":"rcpt","action":"drop","probability":5}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var response = await PutAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        if (detail is not null)
        {
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
        else
        {
            Assert.StartsWith("rules[0]: '/(/' is not a valid regular expression", problem.GetProperty("detail").GetString());
        }
        Assert.Contains("\"probability\":5", await _server.Host.Http.GetStringAsync("api/v1/faults", Cancel));
    }

    [Fact]
    public async Task A_body_that_is_not_a_rule_list_gets_400()
    {
        using var response = await PutAsync("""{"rules":"everything"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var empty = await PutAsync("{}");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
