namespace MailCatcher.Core.Search;

/// <summary>A search query that cannot be understood. The message says what is wrong in words a user can act on.</summary>
public sealed class SearchQueryException : FormatException
{
    public SearchQueryException()
    {
    }

    public SearchQueryException(string message)
        : base(message)
    {
    }

    public SearchQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SearchQueryException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Where in the query text the problem is (0-based), when known.</summary>
    public int? Position { get; }
}
