namespace MailCatcher.Protocols.Smtp;

/// <summary>The address and ESMTP parameters of a MAIL FROM or RCPT TO command.</summary>
/// <param name="Address">The mailbox without angle brackets or source route; empty for the null reverse-path.</param>
/// <param name="Parameters">ESMTP parameters by upper-cased keyword (RFC 5321 §4.1.2 <c>esmtp-param</c>); value null when absent.</param>
public sealed record SmtpPath(string Address, IReadOnlyDictionary<string, string?> Parameters);
