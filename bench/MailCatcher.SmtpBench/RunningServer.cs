namespace MailCatcher.SmtpBench;

/// <summary>
/// A server that is already running (<c>--port P --pid PID</c>), e.g. one started under
/// <c>dotnet-trace</c> or a profiler, so that its CPU can be profiled under the bench's load.
/// The bench neither starts nor stops it.
/// </summary>
internal sealed class RunningServer(int port, int pid) : IBenchTarget
{
    public string Name => $"server {pid} on port {port}";

    public int SmtpPort => port;

    public (double Current, double Peak) MemoryMegabytes() => ProcessStats.MemoryMegabytes(pid);

    public TimeSpan CpuTime() => ProcessStats.CpuTime(pid);

    public void Dispose()
    {
    }
}
