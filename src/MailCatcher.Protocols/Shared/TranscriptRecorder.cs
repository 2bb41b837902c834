using MailCatcher.Core.Sessions;

namespace MailCatcher.Protocols.Shared;

/// <summary>
/// Collects the transcript of one protocol session. Secrets never reach it: callers record
/// AUTH exchanges through <see cref="Info"/> with the user name only.
/// </summary>
public sealed class TranscriptRecorder(TimeProvider clock)
{
    /// <summary>A session that talks for ever must not grow its transcript without bound.</summary>
    public const int MaxLines = 10_000;

    /// <summary>Client lines are cut to this length in the transcript (a binary flood stays readable).</summary>
    public const int MaxLineLength = 2_000;

    private readonly List<TranscriptLine> _lines = [];
    private int _dropped;

    public IReadOnlyList<TranscriptLine> Lines => _dropped == 0
        ? _lines
        : [.. _lines, new TranscriptLine(clock.GetUtcNow().UtcDateTime, TranscriptDirection.Info, $"{_dropped:N0} further lines were not recorded")];

    public void In(string text) => Add(TranscriptDirection.In, text);

    public void Out(string text) => Add(TranscriptDirection.Out, text);

    public void Info(string text) => Add(TranscriptDirection.Info, text);

    private void Add(TranscriptDirection direction, string text)
    {
        if (_lines.Count >= MaxLines)
        {
            _dropped++;
            return;
        }
        if (text.Length > MaxLineLength)
        {
            text = string.Concat(text.AsSpan(0, MaxLineLength), $"… ({text.Length:N0} characters)");
        }
        _lines.Add(new TranscriptLine(clock.GetUtcNow().UtcDateTime, direction, text));
    }
}
