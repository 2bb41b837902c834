namespace MailCatcher.Storage.Queries;

/// <summary>How much is stored, for <c>/api/v1/info</c>.</summary>
public sealed record StoreCounts(int Messages, int Unread, int Sessions);
