namespace MailCatcher.Checks.Html;

/// <summary>caniemail's verdict for one client on one feature (its <c>y</c>, <c>a</c>, <c>n</c>, <c>u</c>).</summary>
public enum SupportLevel
{
    Full,
    Partial,
    None,
    Unknown,
}
