namespace MailCatcher.Tests.Hardening;

/// <summary>
/// Hardening tests measure the process's memory and time their requests, and some open a
/// thousand connections: they run alone, not beside the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardeningGroup
{
    public const string Name = "Hardening";
}
