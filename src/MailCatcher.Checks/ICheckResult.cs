namespace MailCatcher.Checks;

/// <summary>What every check reports: a status, one sentence, and its findings.</summary>
public interface ICheckResult
{
    CheckStatus Status { get; }

    /// <summary>One sentence a person reads first.</summary>
    string Summary { get; }

    IReadOnlyList<CheckItem> Items { get; }
}
