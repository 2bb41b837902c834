using AngleSharp.Css;

namespace MailCatcher.Checks.Html;

/// <summary>
/// Makes AngleSharp.Css treat every property as one it does not know: the value stays as written
/// (<c>white</c> is not turned into <c>rgba(255, 255, 255, 1)</c>) and a shorthand is not split into
/// its longhands. A compatibility check must judge what the author wrote, not its computed form.
/// </summary>
internal sealed class VerbatimDeclarationFactory : DefaultDeclarationFactory, IDeclarationFactory
{
    DeclarationInfo IDeclarationFactory.Create(string propertyName) => CreateDefault(propertyName);
}
