using MailCatcher.Core.Outbox;

namespace MailCatcher.Storage.Outbox;

/// <summary>How <see cref="OutboxState"/> is written in the <c>OutboxEntries.State</c> column: the lower-case name, as in the API.</summary>
internal static class OutboxStates
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Deferred = "deferred";
    public const string Failed = "failed";

    public static string ToText(OutboxState state) => state switch
    {
        OutboxState.Queued => Queued,
        OutboxState.Sending => Sending,
        OutboxState.Sent => Sent,
        OutboxState.Deferred => Deferred,
        OutboxState.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static OutboxState Parse(string text) => text switch
    {
        Queued => OutboxState.Queued,
        Sending => OutboxState.Sending,
        Sent => OutboxState.Sent,
        Deferred => OutboxState.Deferred,
        Failed => OutboxState.Failed,
        _ => throw new InvalidDataException($"Unknown outbox state '{text}'."),
    };
}
