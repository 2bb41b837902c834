namespace MailCatcher.Tests.Hosting;

/// <summary>Tests that change process-wide state (environment variables) run after every other test, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentGroup
{
    public const string Name = "process environment";
}
