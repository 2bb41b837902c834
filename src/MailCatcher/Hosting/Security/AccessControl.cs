namespace MailCatcher.Hosting.Security;

/// <summary>
/// Whether log-in is on, and who may log in. It is on as soon as one UI user or API token is
/// configured; until then MailCatcher is open to whoever reaches it (a laptop's loopback address).
/// </summary>
public sealed class AccessControl(UiUserList users, ConfiguredApiTokens tokens)
{
    public UiUserList Users { get; } = users;

    public ConfiguredApiTokens Tokens { get; } = tokens;

    public bool IsOn => Users.Count > 0 || Tokens.Count > 0;
}
