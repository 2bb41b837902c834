using MailCatcher.Fuzz;
using SharpFuzz;

// Issue 16: one executable, one harness per target chosen by the first argument.
//   MailCatcher.Fuzz TARGET            run under afl-fuzz (input on stdin or AFL's shared memory)
//   MailCatcher.Fuzz TARGET FILE...    replay inputs once each and print what they throw (triage)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: MailCatcher.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}
if (args.Length > 1)
{
    // Instrumented assemblies write coverage to AFL's shared memory; outside AFL give them a map of their own.
    unsafe
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
    }
    var failures = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"{file}: {e}");
        }
    }
    return failures == 0 ? 0 : 1;
}
// Out of process: a stack overflow or a fail-fast in the input kills only the child, and AFL still sees a crash.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
});
return 0;
