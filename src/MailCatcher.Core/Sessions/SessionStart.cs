namespace MailCatcher.Core.Sessions;

/// <summary>The facts known when a client connects.</summary>
public sealed record SessionStart(DateTime StartedAt, string ClientAddress, string Protocol);
