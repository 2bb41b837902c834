using MailCatcher.Core.Events;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// One unit of work for the <see cref="GroupCommitWriter"/>. <see cref="Execute"/> runs inside a
/// transaction shared with other operations; only after that transaction commits does
/// <see cref="Complete"/> release the caller and announce the change.
/// </summary>
internal abstract class WriteOperation
{
    public abstract void Execute(WriterCommands commands);

    public abstract void Complete(MailEventBus events);

    public abstract void Fail(Exception error);

    /// <summary>Whether this operation adds messages, so that retention should run after it.</summary>
    public virtual bool AddsMessages => false;

    /// <summary>Whether this operation streams large content into a blob, so the WAL checkpoint should wait until after its commit (<see cref="DeferredCheckpoint"/>).</summary>
    public virtual bool WritesLargeContent => false;

    /// <summary>The inboxes this operation added to that have their own retention limit (issue 13).</summary>
    public virtual IEnumerable<(long InboxId, int Keep)> InboxLimits => [];
}

/// <summary>A <see cref="WriteOperation"/> whose caller awaits a result.</summary>
internal abstract class WriteOperation<T> : WriteOperation
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    protected T? Result { get; set; }

    public override void Complete(MailEventBus events)
    {
        Announce(events);
        _completion.TrySetResult(Result!);
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>Publishes what changed; called after commit, before the caller is released.</summary>
    protected virtual void Announce(MailEventBus events)
    {
    }
}
