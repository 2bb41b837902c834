namespace MailCatcher.Checks.Html;

/// <summary>
/// Which caniemail feature a thing found in a message is. caniemail names features in prose
/// ("&lt;table&gt; element", "display:flex", "@media (prefers-color-scheme)", ":hover"), so the
/// index is derived from the titles once, the way the caniemail npm package's checker does it,
/// plus the grouped titles spelled out. A title that names nothing detectable is left out.
/// </summary>
internal sealed class CaniemailFeatureIndex
{
    private readonly Dictionary<string, List<string>> _elements = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Element, string Attribute, string Value), string> _elementAttributeValues = [];
    private readonly Dictionary<string, List<string>> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Property, string Value), string> _propertyValues = [];
    private readonly Dictionary<string, string> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _keywords = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _atRules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _mediaFeatures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _pseudo = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _titles = new(StringComparer.Ordinal);

    public CaniemailFeatureIndex(CaniemailData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var feature in data.Features.Values)
        {
            _titles.Add(feature.Title);
            switch (feature.Category)
            {
                case "html":
                case "others":
                    IndexHtml(feature.Title);
                    break;
                case "css":
                    IndexCss(feature.Title);
                    break;
            }
        }
    }

    /// <summary>The title when the data set has it (for fixed names: "HTML comments", "Grouping selectors").</summary>
    public string? Title(string title) => _titles.Contains(title) ? title : null;

    public IReadOnlyList<string> Element(string tagName) => _elements.GetValueOrDefault(tagName) ?? [];

    public IReadOnlyList<string> Attribute(string name) => _attributes.GetValueOrDefault(name) ?? [];

    public string? ElementAttributeValue(string element, string attribute, string value)
        => _elementAttributeValues.GetValueOrDefault((element.ToLowerInvariant(), attribute.ToLowerInvariant(), value.Trim().ToLowerInvariant()));

    /// <summary>The features of a CSS property: its own, else the nearest shorthand family it belongs to (border-top → border).</summary>
    public IReadOnlyList<string> Property(string name)
    {
        if (_properties.TryGetValue(name, out var exact))
        {
            return exact;
        }
        for (var dash = name.LastIndexOf('-'); dash > 0; dash = name.LastIndexOf('-', dash - 1))
        {
            if (_properties.TryGetValue(name[..dash], out var family))
            {
                return family;
            }
        }
        return [];
    }

    public string? PropertyValue(string property, string value)
        => _propertyValues.GetValueOrDefault((property.ToLowerInvariant(), value.Trim().ToLowerInvariant()));

    public string? Function(string name) => _functions.GetValueOrDefault(name);

    public string? Unit(string unit) => _units.GetValueOrDefault(unit);

    /// <summary>A keyword in a value (fit-content, system-ui, initial).</summary>
    public string? Keyword(string word) => _keywords.GetValueOrDefault(word);

    public string? AtRule(string name) => _atRules.GetValueOrDefault(name);

    public string? MediaFeature(string name) => _mediaFeatures.GetValueOrDefault(name);

    /// <summary>A pseudo-class or pseudo-element, given with its colons (<c>:hover</c>, <c>::before</c>).</summary>
    public string? Pseudo(string name) => _pseudo.GetValueOrDefault(name);

    private void IndexHtml(string title)
    {
        switch (title)
        {
            case "address": Add(_elements, "address", title); return;
            case "HTML5 semantics":
                foreach (var tag in new[] { "article", "aside", "details", "figcaption", "figure", "footer", "header", "main", "mark", "nav", "section", "summary", "time" })
                {
                    Add(_elements, tag, title);
                }
                return;
            case "Image maps": Add(_elements, "map", title); return;
            case "Embedded <svg> image": Add(_elements, "svg", title); return;
            case "<h1> to <h6> elements":
                for (var level = 1; level <= 6; level++)
                {
                    Add(_elements, $"h{level}", title);
                }
                return;
            case "<ul>, <ol> and <dl>":
                Add(_elements, "ul", title);
                Add(_elements, "ol", title);
                Add(_elements, "dl", title);
                return;
            case "srcset and sizes attributes":
                Add(_attributes, "srcset", title);
                Add(_attributes, "sizes", title);
                return;
            case "color-scheme meta tag": _elementAttributeValues[("meta", "name", "color-scheme")] = title; return;
            case "Local anchors" or "mailto: links" or "AMP for Email" or "HTML comments" or "HTML5 doctype": return; // detected by the scanner itself
        }
        if (title.EndsWith(" attribute", StringComparison.Ordinal))
        {
            Add(_attributes, title[..^" attribute".Length].Trim(), title);
            return;
        }
        // "<button type="submit"> element"
        if (title.StartsWith('<') && title.IndexOf('>', StringComparison.Ordinal) is var close and > 0)
        {
            var inside = title[1..close].Split(' ', 2);
            if (inside.Length == 2 && inside[1].Split('=', 2) is [var attribute, var quoted])
            {
                _elementAttributeValues[(inside[0].ToLowerInvariant(), attribute.ToLowerInvariant(), quoted.Trim('"').ToLowerInvariant())] = title;
            }
            else
            {
                Add(_elements, inside[0], title);
            }
        }
    }

    private void IndexCss(string title)
    {
        var name = title.Trim();
        if (name.StartsWith("@media (", StringComparison.Ordinal))
        {
            foreach (var part in name.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            {
                _mediaFeatures[part.Replace("@media", "", StringComparison.Ordinal).Trim(' ', '(', ')')] = title;
            }
            return;
        }
        if (name.StartsWith('@'))
        {
            _atRules[name[1..]] = title;
            return;
        }
        if (name.StartsWith(':') || name == "lang()")
        {
            _pseudo[(name.StartsWith(':') ? name : ":" + name).Replace("()", "", StringComparison.Ordinal)] = title;
            return;
        }
        switch (name)
        {
            case "CSS Variables (Custom Properties)": _functions["var"] = title; return;
            case "CSS calc() function": _functions["calc"] = title; return;
            case "!important keyword": _keywords["!important"] = title; return;
            case "initial unit": _keywords["initial"] = title; return;
            case "left, right, top, bottom":
                foreach (var side in new[] { "left", "right", "top", "bottom" })
                {
                    Add(_properties, side, title);
                }
                return;
        }
        if (name.Contains("()", StringComparison.Ordinal))
        {
            foreach (var function in name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                _functions[function.Replace("()", "", StringComparison.Ordinal)] = title;
            }
            return;
        }
        if (name.EndsWith(" unit", StringComparison.Ordinal))
        {
            _units[name[..^" unit".Length]] = title;
            return;
        }
        if (name is "fit-content, min-content, max-content" or "system-ui, ui-serif, ui-sans-serif, ui-rounded, ui-monospace")
        {
            foreach (var keyword in name.Split(", "))
            {
                _keywords[keyword] = title;
            }
            return;
        }
        if (name.Split(':', 2) is [var pairProperty, var pairValue] && IsCssName(pairProperty) && IsCssName(pairValue.Trim()))
        {
            _propertyValues[(pairProperty, pairValue.Trim())] = title;
            return;
        }
        var properties = name switch
        {
            "css column properties" => ["column-count", "column-fill", "column-gap", "column-rule", "column-span", "column-width", "columns"],
            "color-scheme CSS property" => ["color-scheme"],
            "border-radius logical properties" => ["border-end-end-radius", "border-end-start-radius", "border-start-end-radius", "border-start-start-radius"],
            "border-inline & border-block individual logical properties" => ["border-block-end", "border-block-start", "border-inline-end", "border-inline-start"],
            "border-inline & border-block longhand properties" => ["border-block-color", "border-block-style", "border-block-width", "border-inline-color", "border-inline-style", "border-inline-width"],
            "grid-template-* properties" => ["grid-template", "grid-template-areas", "grid-template-columns", "grid-template-rows"],
            "gap, column-gap, row-gap" => ["gap", "column-gap", "row-gap"],
            _ when name.Contains(" & ", StringComparison.Ordinal) => name.Split(" & ").Select(p => p.Trim()).ToArray(),
            _ => [name.Replace(" shorthand", "", StringComparison.Ordinal).Replace(" property", "", StringComparison.Ordinal).Trim()],
        };
        foreach (var property in properties.Where(IsCssName))
        {
            Add(_properties, property, title);
        }
    }

    private static bool IsCssName(string name) => name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or '-');

    private static void Add(Dictionary<string, List<string>> map, string key, string title)
    {
        if (!map.TryGetValue(key, out var titles))
        {
            map[key] = titles = [];
        }
        if (!titles.Contains(title))
        {
            titles.Add(title);
        }
    }
}
