namespace MailCatcher.Client.Models.Checks;

/// <summary>How much one finding matters.</summary>
public enum CheckSeverity
{
    /// <summary>Nothing wrong.</summary>
    Pass,
    /// <summary>Info.</summary>
    Info,
    /// <summary>Warn.</summary>
    Warn,
    /// <summary>Fail.</summary>
    Fail,
}
