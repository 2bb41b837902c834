namespace MailCatcher.Client.Models;

/// <summary>
/// A new isolated inbox and its secrets, shown this once: configure your app's SMTP with
/// <see cref="SmtpUser"/> and <see cref="SmtpPassword"/>; read the inbox with
/// <c>client.Inbox(created)</c>, which sends <see cref="ApiToken"/>.
/// </summary>
public sealed record CreatedInbox(
    string Name,
    string SmtpUser,
    string SmtpPassword,
    string ApiToken,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int MaxMessages);
