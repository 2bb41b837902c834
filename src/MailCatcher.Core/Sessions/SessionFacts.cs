namespace MailCatcher.Core.Sessions;

/// <summary>What is known about the SMTP session a message arrived in, copied onto the message.</summary>
/// <param name="ClientAddress">The client's IP address and port, e.g. <c>127.0.0.1:53122</c>.</param>
/// <param name="HeloName">The name given in HELO/EHLO.</param>
/// <param name="Tls">Protocol and cipher when the session was encrypted (e.g. <c>TLSv1.3 TLS_AES_256_GCM_SHA384</c>), else null.</param>
/// <param name="AuthenticatedUser">The user name from a successful AUTH, else null.</param>
public sealed record SessionFacts(string ClientAddress, string? HeloName, string? Tls, string? AuthenticatedUser);
