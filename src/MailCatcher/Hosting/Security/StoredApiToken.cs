namespace MailCatcher.Hosting.Security;

/// <summary>A token an admin created in the web UI. Only its SHA-256 is kept (<see cref="ApiTokenHash"/>).</summary>
public sealed record StoredApiToken(string Id, string Name, string Role, string Hash, DateTime CreatedAt, string CreatedBy);
