using MailCatcher.Core.Users;

namespace MailCatcher.Core.Tests;

public sealed class UserListTests
{
    private static UserList Parse(params string[] lines)
    {
        Assert.True(UserList.TryParse(lines.Select(l => (l, "test")), out var users, out var error), error);
        return users;
    }

    [Fact]
    public void RFC2195_2_the_example_exchange_verifies()
    {
        // RFC 2195 §2: user "tim", password "tanstaaftanstaaf".
        var users = Parse("tim:tanstaaftanstaaf");
        Assert.True(users.CheckCramMd5("tim", "<1896.697170952@postoffice.reston.mci.net>", "b913a602c7eda7a495b4e6e7334d3890"));
        Assert.True(users.CheckCramMd5("tim", "<1896.697170952@postoffice.reston.mci.net>", "B913A602C7EDA7A495B4E6E7334D3890"));
        Assert.False(users.CheckCramMd5("tim", "<1897.697170952@postoffice.reston.mci.net>", "b913a602c7eda7a495b4e6e7334d3890"));
        Assert.False(users.CheckCramMd5("tom", "<1896.697170952@postoffice.reston.mci.net>", "b913a602c7eda7a495b4e6e7334d3890"));
    }

    [Fact]
    public void Passwords_may_hold_colons_and_names_are_case_sensitive()
    {
        var users = Parse("# comment", "", "  alice:pa:ss:word  ", "bob:");
        Assert.Equal(2, users.Count);
        Assert.True(users.CheckPassword("alice", "pa:ss:word"));
        Assert.False(users.CheckPassword("Alice", "pa:ss:word"));
        Assert.False(users.CheckPassword("alice", "pa:ss"));
        Assert.True(users.CheckPassword("bob", ""));
    }

    [Fact]
    public void Without_users_every_credential_is_accepted()
    {
        Assert.False(UserList.AcceptAll.ChecksCredentials);
        Assert.True(UserList.AcceptAll.CheckPassword("anyone", "anything"));
        Assert.True(UserList.AcceptAll.CheckCramMd5("anyone", "<1@x>", "00000000000000000000000000000000"));
    }

    [Theory]
    [InlineData("no-colon-here")]
    [InlineData(":password-without-name")]
    public void A_line_that_is_not_name_colon_password_is_refused_without_repeating_it(string line)
    {
        Assert.False(UserList.TryParse([(line, "users.txt line 3")], out _, out var error));
        Assert.Equal("users.txt line 3: expected name:password", error);
    }
}
