namespace MailCatcher.Components;

/// <summary>
/// Folds a burst of triggers into one call, made <c>delay</c> after the first trigger of the burst.
/// A thousand messages arriving at once refresh a list a handful of times, not a thousand.
/// With <c>debounce</c>, each trigger restarts the wait instead (the call comes once the
/// triggers stop), as a search box wants while someone types.
/// </summary>
public sealed class Coalescer : IDisposable
{
    private readonly ITimer _timer;
    private readonly TimeSpan _delay;
    private readonly bool _debounce;
    private int _pending;

    public Coalescer(TimeSpan delay, Func<Task> action, TimeProvider? time = null, bool debounce = false)
    {
        _debounce = debounce;
        ArgumentNullException.ThrowIfNull(action);
        _delay = delay;
        _timer = (time ?? TimeProvider.System).CreateTimer(_ =>
        {
            Interlocked.Exchange(ref _pending, 0);
            _ = action();
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Trigger()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0 || _debounce)
        {
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();
}
