namespace MailCatcher.Protocols.Smtp.Faults;

/// <summary>
/// The fault rules in force, shared by every session and replaceable at run time
/// (<c>PUT /api/v1/faults</c>) without a restart. Sessions ask it at each stage; the first rule
/// that matches the stage and address and wins its roll of the dice fires.
/// </summary>
public sealed class FaultInjector(IEnumerable<FaultRule>? rules = null)
{
    private volatile FaultRule[] _rules = rules?.ToArray() ?? [];

    public IReadOnlyList<FaultRule> Rules => _rules;

    public void Replace(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
    }

    /// <summary>
    /// The rule that fires now, if any. A rule with an address fires when any of
    /// <paramref name="addresses"/> matches it; a rule without one fires regardless.
    /// </summary>
    public FaultRule? Roll(FaultStage stage, params IReadOnlyList<string> addresses)
    {
        foreach (var rule in _rules)
        {
            if (rule.Stage != stage)
            {
                continue;
            }
            if (rule.Address is not null && !addresses.Any(rule.Address.IsMatch))
            {
                continue;
            }
#pragma warning disable CA5394 // A fault's chance needs no cryptographic randomness.
            if (rule.Probability >= 100 || (rule.Probability > 0 && Random.Shared.Next(100) < rule.Probability))
#pragma warning restore CA5394
            {
                return rule;
            }
        }
        return null;
    }
}
