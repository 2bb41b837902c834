namespace MailCatcher.Protocols.Smtp.Faults;

/// <summary>What a fault rule does when it fires.</summary>
public enum FaultAction
{
    /// <summary>Answer with the rule's code and text instead of the normal reply.</summary>
    Reply,

    /// <summary>Wait, then carry on normally.</summary>
    Delay,

    /// <summary>Close the connection without a reply.</summary>
    Drop,
}
