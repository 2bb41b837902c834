namespace MailCatcher.Core.Mailbox;

/// <summary>A mailbox's changes since a session last listed it (<see cref="IMailboxStore.ListChangesAsync"/>).</summary>
/// <param name="ReadStates">Each message the session may know (id up to what it knows) still visible, and whether it is read.</param>
/// <param name="Added">The messages above what the session knows, oldest first.</param>
public sealed record MailboxChanges(IReadOnlyDictionary<long, bool> ReadStates, IReadOnlyList<MailboxEntry> Added);
