namespace MailCatcher.Core.Messages;

/// <summary>One stored copy of a received message: its id, the inbox it went to, and why.</summary>
/// <param name="Id">The message id of this copy.</param>
/// <param name="Inbox">The inbox's name.</param>
/// <param name="Reason">Which routing rule chose the inbox, in words for the transcript; empty when there was nothing to choose.</param>
public sealed record StoredCopy(long Id, string Inbox, string Reason);
