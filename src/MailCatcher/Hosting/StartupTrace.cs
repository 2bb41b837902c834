using System.Diagnostics;
using System.Globalization;

namespace MailCatcher.Hosting;

/// <summary>
/// <c>MAILCATCHER_STARTUP_TRACE=1</c> (issue 11): writes to standard error how long after the
/// process started each start-up phase ended, so the start-up benchmark can say where the time
/// goes. Off, a mark costs one flag check.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("MAILCATCHER_STARTUP_TRACE") is "1" or "true";

    /// <summary>Writes <c>startup-trace PHASE MS</c>: milliseconds since the OS started the process.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup-trace {phase} {sinceStart.TotalMilliseconds:F0}"));
    }
}
