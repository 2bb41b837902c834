namespace MailCatcher.Core.Search;

/// <summary>A parsed search (design.md, "Search language"): every term must match. Build one with <see cref="SearchQueryParser"/>.</summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    public static SearchQuery Empty { get; } = new([]);

    /// <summary>True when the query matches every message.</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="SearchQueryException"/> when it is malformed.</summary>
    public static SearchQuery Parse(string? text) => SearchQueryParser.Parse(text);
}
