namespace MailCatcher.Hosting.Security;

/// <summary>A person who may log in to the web UI and API, and what they may do.</summary>
/// <param name="Name">The log-in name.</param>
/// <param name="Role"><see cref="AccessRoles.Admin"/> or <see cref="AccessRoles.Reader"/>.</param>
public sealed record UiUser(string Name, string Role);
