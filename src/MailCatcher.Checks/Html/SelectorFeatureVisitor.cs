using AngleSharp.Css;
using AngleSharp.Css.Dom;

namespace MailCatcher.Checks.Html;

/// <summary>
/// Walks a parsed selector (AngleSharp's <see cref="ISelectorVisitor"/>) and names the caniemail
/// selector features it uses: combinators, class/ID/attribute/type/universal selectors,
/// chained classes, grouping, pseudo-classes and pseudo-elements.
/// </summary>
internal sealed class SelectorFeatureVisitor(CaniemailFeatureIndex index, Action<string> found) : ISelectorVisitor
{
    public void Attribute(string name, string op, string? value)
    {
        // AngleSharp reports .a and #b as attribute matches on class and id in some shapes.
        if (name.Equals("class", StringComparison.OrdinalIgnoreCase) && op == "~=")
        {
            Class(value ?? "");
        }
        else if (name.Equals("id", StringComparison.OrdinalIgnoreCase) && op == "=")
        {
            Id(value ?? "");
        }
        else
        {
            Found("Attribute selector");
        }
    }

    public void Type(string name) => Found(name == "*" ? "Universal selector *" : "Type selector");

    public void Id(string value) => Found("ID selector");

    public void Child(string name, int step, int offset, ISelector selector)
    {
        FoundPseudo(":" + name);
        selector?.Accept(this);
    }

    public void Class(string name) => Found("Class selector");

    public void PseudoClass(string name) => FoundPseudo(":" + NameOf(name));

    public void PseudoElement(string name) => FoundPseudo("::" + NameOf(name));

    public void List(IEnumerable<ISelector> selectors)
    {
        var all = selectors.ToList();
        if (all.Count >= 2)
        {
            Found("Grouping selectors");
        }
        foreach (var selector in all)
        {
            selector.Accept(this);
        }
    }

    public void Combinator(IEnumerable<ISelector> selectors, IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            Found(symbol.Trim() switch
            {
                "" => "Descendant combinator",
                ">" => "Child combinator",
                "+" => "Adjacent sibling combinator",
                "~" => "General sibling combinator",
                _ => "",
            });
        }
        foreach (var selector in selectors)
        {
            selector.Accept(this);
        }
    }

    public void Many(IEnumerable<ISelector> selectors)
    {
        var all = selectors.ToList();
        // Two classes on one compound (.a.b): caniemail's "Chaining selectors".
        if (all.Count(s => s.Text.StartsWith('.')) >= 2)
        {
            Found("Chaining selectors");
        }
        foreach (var selector in all)
        {
            selector.Accept(this);
        }
    }

    /// <summary>":not(.a)" and ":nth-child(2n)" arrive with their arguments; the feature is the name.</summary>
    private static string NameOf(string pseudo)
    {
        var open = pseudo.IndexOf('(', StringComparison.Ordinal);
        return (open < 0 ? pseudo : pseudo[..open]).TrimStart(':').ToLowerInvariant();
    }

    private void FoundPseudo(string name)
    {
        if (index.Pseudo(name) is { } title)
        {
            found(title);
        }
    }

    private void Found(string title)
    {
        if (index.Title(title) is { } known)
        {
            found(known);
        }
    }
}
