namespace MailCatcher.Hosting.Security;

/// <summary>
/// Users and API tokens for the web UI and API, bound from the <c>Access</c> section. Separate
/// from SMTP/POP3/IMAP users (<c>Smtp:Users</c>): people who read the inbox are not the
/// applications that send mail. With none of them set, the UI and API need no log-in.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary><c>NAME:PASSWORD[:admin|reader]</c> entries (<c>--ui-user</c>).</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>A file of <c>NAME:HASH[:admin|reader]</c> lines (<c>--ui-users-file</c>).</summary>
    public string? UsersFile { get; set; }

    /// <summary><c>NAME:TOKEN[:admin|reader]</c> entries (<c>--api-token</c>).</summary>
    public List<string> ApiTokens { get; set; } = [];
}
