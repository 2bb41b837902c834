using System.Net;
using System.Text.RegularExpressions;
using MailCatcher.CommandLine;
using MailCatcher.Hosting.Security;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>The log-in form (cookie, anti-forgery, no open redirect), hashed users files and <c>hash-password</c>.</summary>
public sealed partial class LogInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A cookie-keeping client that does not follow redirects, like a browser we can inspect.</summary>
    private static HttpClient Browser(TestHost host, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };
    }

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string name, string password, string returnUrl = "/", bool withToken = true)
    {
        var page = await browser.GetStringAsync("login", Ct);
        var fields = new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["returnUrl"] = returnUrl };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        }
        return await browser.PostAsync("login", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Logging_in_sets_a_cookie_the_api_accepts_and_logging_out_ends_it()
    {
        await using var host = await AccessHost.StartAsync();
        using var browser = Browser(host, out var cookies);

        using var response = await LogInAsync(browser, "admin", "admin-pass-1", "/messages/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/messages/1", response.Headers.Location!.OriginalString);
        var cookie = cookies.GetCookies(browser.BaseAddress!)["MailCatcher.Auth"];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/v1/messages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.DeleteAsync("api/v1/messages", Ct)).StatusCode);

        var loggedIn = await browser.GetStringAsync("login", Ct);
        Assert.Contains("data-testid=\"logged-in-as\">admin<", loggedIn, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(loggedIn).Groups[1].Value);
        using var logout = await browser.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/v1/messages", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_401_and_sets_no_cookie()
    {
        await using var host = await AccessHost.StartAsync();
        using var browser = Browser(host, out var cookies);

        using var response = await LogInAsync(browser, "admin", "admin-pass-2");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(cookies.GetCookies(browser.BaseAddress!)["MailCatcher.Auth"]);
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_is_refused()
    {
        await using var host = await AccessHost.StartAsync();
        using var browser = Browser(host, out var cookies);

        using var response = await LogInAsync(browser, "admin", "admin-pass-1", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(cookies.GetCookies(browser.BaseAddress!)["MailCatcher.Auth"]);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task The_return_address_never_leaves_the_server(string returnUrl)
    {
        await using var host = await AccessHost.StartAsync();
        using var browser = Browser(host, out _);

        using var response = await LogInAsync(browser, "admin", "admin-pass-1", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_users_file_of_hash_password_lines_logs_in_with_the_password_only()
    {
        var output = new StringWriter();
        Assert.Equal(0, HashPasswordCommand.Run(["lena", "reader"], new StringReader("correct horse battery\n"), output, TextWriter.Null));
        var line = output.ToString().Trim();
        Assert.Matches(@"^lena:pbkdf2-sha256\$600000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}:reader$", line);
        Assert.DoesNotContain("correct horse", line, StringComparison.Ordinal);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "# QA observers\n\n" + line + "\n", Ct);
        try
        {
            await using var host = await TestHost.StartAsync("--ui-users-file", file);
            async Task<HttpStatusCode> CallAsync(HttpMethod method, string password)
            {
                using var request = new HttpRequestMessage(method, "api/v1/messages");
                request.Headers.Authorization = AccessHost.Basic("lena", password);
                using var response = await host.Http.SendAsync(request, Ct);
                return response.StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, await CallAsync(HttpMethod.Get, "correct horse battery"));
            Assert.Equal(HttpStatusCode.OK, await CallAsync(HttpMethod.Get, "correct horse battery")); // remembered, same answer
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(HttpMethod.Get, "correct horse"));
            Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(HttpMethod.Delete, "correct horse battery"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("lena")]
    [InlineData("lena:plain-password")]
    [InlineData("lena:pbkdf2-sha256$10$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    public void A_bad_users_file_line_is_a_startup_error_that_repeats_no_secret(string line)
    {
        var error = Assert.Throws<MailCatcher.Hosting.StartupException>(() => UiUserList.Parse([], [(line, "users.txt line 1")]));
        Assert.StartsWith("users.txt line 1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_password_refuses_an_empty_password_and_a_bad_role()
    {
        Assert.Equal(2, HashPasswordCommand.Run([], new StringReader("\n"), TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, HashPasswordCommand.Run(["lena", "owner"], new StringReader("pw\n"), TextWriter.Null, TextWriter.Null));
        Assert.True(PasswordHash.Verify("pw", PasswordHash.Create("pw", 1_000)));
        Assert.False(PasswordHash.Verify("pW", PasswordHash.Create("pw", 1_000)));
    }

    [Fact]
    public async Task Tokens_made_in_the_ui_are_stored_as_hashes_and_can_be_revoked()
    {
        var folder = Directory.CreateTempSubdirectory("mailcatcher-tokens-").FullName;
        try
        {
            var store = new StoredApiTokens(Path.Combine(folder, StoredApiTokens.FileName));
            var (entry, token) = store.Create("ci", AccessRoles.Reader, "admin");

            Assert.StartsWith(ApiTokenHash.TokenPrefix, token, StringComparison.Ordinal);
            var file = await File.ReadAllTextAsync(Path.Combine(folder, StoredApiTokens.FileName), Ct);
            Assert.DoesNotContain(token, file, StringComparison.Ordinal);
            Assert.Contains(ApiTokenHash.Of(token), file, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, StoredApiTokens.FileName)));
            }

            var reopened = new StoredApiTokens(Path.Combine(folder, StoredApiTokens.FileName));
            var principal = await reopened.ValidateAsync(token, Ct);
            Assert.Equal("ci", principal!.Identity!.Name);
            Assert.True(principal.IsInRole(AccessRoles.Reader));
            Assert.Null(await reopened.ValidateAsync(token + "x", Ct));

            Assert.True(reopened.Revoke(entry.Id));
            Assert.Null(await new StoredApiTokens(Path.Combine(folder, StoredApiTokens.FileName)).ValidateAsync(token, Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
