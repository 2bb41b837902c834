using AngleSharp;
using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;

namespace MailCatcher.Checks.Html;

/// <summary>
/// Finds caniemail CSS features in a <c>&lt;style&gt;</c> sheet or a <c>style</c> attribute, parsed
/// with AngleSharp.Css keeping unknown declarations and rules (a property a browser would drop is
/// exactly what a compatibility check must see). Lines: AngleSharp.Css keeps no source positions,
/// so a sheet's findings carry the line of its <c>&lt;style&gt;</c> element and name the rule.
/// </summary>
internal sealed class CssFeatureScanner(CaniemailFeatureIndex index, List<FeatureUse> uses)
{
    private static readonly CssParserOptions Options = new()
    {
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    };

    private static readonly IBrowsingContext Context = BrowsingContext.New(
        Configuration.Default.WithCss().WithOnly<IDeclarationFactory>(new VerbatimDeclarationFactory()));

    private readonly CssParser _parser = new(Options, Context);

    public void ScanStyleAttribute(string css, int line, string element)
    {
        if (_parser.ParseDeclaration(css) is { } declaration)
        {
            ScanDeclarations(declaration, line, element);
        }
    }

    public void ScanSheet(string css, int line)
    {
        ScanComments(css, line);
        var sheet = _parser.ParseStyleSheet(css);
        ScanRules(sheet.Rules, line);
    }

    private void ScanRules(ICssRuleList rules, int line)
    {
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ICssStyleRule style:
                    ScanSelector(style, line);
                    ScanDeclarations(style.Style, line, style.SelectorText);
                    if (style.Rules.Length > 0)
                    {
                        Add("CSS Nesting", line, style.SelectorText + " { ... }");
                        ScanRules(style.Rules, line);
                    }
                    break;
                case ICssMediaRule media:
                    Add(index.AtRule("media"), line, "@media " + media.ConditionText);
                    foreach (var medium in media.Media)
                    {
                        foreach (var feature in medium.Features)
                        {
                            Add(index.MediaFeature(feature.Name.Replace("min-", "", StringComparison.Ordinal).Replace("max-", "", StringComparison.Ordinal)), line, "@media " + media.ConditionText);
                        }
                    }
                    ScanRules(media.Rules, line);
                    break;
                case ICssGroupingRule grouping:
                    Add(index.AtRule(AtRuleName(rule.Type)), line, rule.CssText.Split('{')[0].Trim());
                    ScanRules(grouping.Rules, line);
                    break;
                case ICssFontFaceRule:
                    Add(index.AtRule("font-face"), line, "@font-face");
                    break;
                default:
                    Add(index.AtRule(AtRuleName(rule.Type)), line, rule.CssText.Split('{')[0].Trim());
                    break;
            }
        }
    }

    private static string AtRuleName(CssRuleType type) => type switch
    {
        CssRuleType.FontFace => "font-face",
        CssRuleType.Import => "import",
        CssRuleType.Keyframes => "keyframes",
        CssRuleType.Supports => "supports",
        CssRuleType.Media => "media",
        _ => type.ToString().ToLowerInvariant(),
    };

    private void ScanSelector(ICssStyleRule style, int line)
    {
        var context = style.SelectorText;
        if (context.Contains('&', StringComparison.Ordinal))
        {
            Add("CSS Nesting", line, context);
        }
        style.Selector?.Accept(new SelectorFeatureVisitor(index, title => Add(title, line, context)));
    }

    private void ScanDeclarations(ICssStyleDeclaration declarations, int line, string where)
    {
        foreach (var property in declarations)
        {
            var name = property.Name.ToLowerInvariant();
            var value = property.Value ?? "";
            var context = $"{where} {{ {name}: {value} }}";
            foreach (var title in index.Property(name))
            {
                Add(title, line, context);
            }
            if (name.StartsWith("--", StringComparison.Ordinal))
            {
                Add(index.Function("var"), line, context);
            }
            Add(index.PropertyValue(name, value), line, context);
            if (property.IsImportant)
            {
                Add(index.Keyword("!important"), line, context);
            }
            CssValueScanner.Scan(value,
                function => Add(index.Function(function), line, context),
                unit => Add(index.Unit(unit), line, context),
                keyword => Add(index.Keyword(keyword), line, context));
            ImageFormats.FromCssValue(value, title => Add(title, line, context));
        }
    }

    /// <summary>
    /// AngleSharp.Css drops comments, and caniemail counts "CSS comments" as a feature; a comment
    /// is <c>/*</c> outside a string (CSS Syntax Level 3 §4.3.2).
    /// </summary>
    private void ScanComments(string css, int line)
    {
        char? quote = null;
        for (var i = 0; i + 1 < css.Length; i++)
        {
            var c = css[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '/' && css[i + 1] == '*')
            {
                Add(index.Title("CSS comments"), line + css.AsSpan(0, i).Count('\n'), "/* ... */");
                return;
            }
        }
    }

    private void Add(string? title, int line, string context)
    {
        if (title is not null)
        {
            uses.Add(new FeatureUse(title, line, context.Length <= 120 ? context : context[..117] + "..."));
        }
    }
}
