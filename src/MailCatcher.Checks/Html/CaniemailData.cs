using System.Reflection;
using System.Text.Json;

namespace MailCatcher.Checks.Html;

/// <summary>
/// The caniemail data set (MIT, from the npm package <c>caniemail</c>; see Data/LICENSE and
/// build/refresh-caniemail.sh), embedded in this assembly and read once. Never fetched at run time.
/// </summary>
public sealed class CaniemailData
{
    private static readonly Lazy<CaniemailData> Embedded = new(LoadEmbedded);

    private CaniemailData(IReadOnlyDictionary<string, CaniemailFeature> features, IReadOnlyDictionary<string, string> families,
        IReadOnlyDictionary<string, string> platforms, string lastUpdate)
    {
        Features = features;
        FamilyNames = families;
        PlatformNames = platforms;
        LastUpdate = lastUpdate;
    }

    /// <summary>The data set shipped with MailCatcher.</summary>
    public static CaniemailData Shipped => Embedded.Value;

    /// <summary>Features by title (the title is the data set's own key for a feature).</summary>
    public IReadOnlyDictionary<string, CaniemailFeature> Features { get; }

    /// <summary>Display names of client families (<c>outlook</c> → Outlook).</summary>
    public IReadOnlyDictionary<string, string> FamilyNames { get; }

    /// <summary>Display names of platforms (<c>windows</c> → Windows).</summary>
    public IReadOnlyDictionary<string, string> PlatformNames { get; }

    /// <summary>When caniemail last updated its data.</summary>
    public string LastUpdate { get; }

    /// <summary>"Outlook Windows", "Gmail Android".</summary>
    public string ClientName(string family, string platform)
        => $"{FamilyNames.GetValueOrDefault(family, family)} {PlatformNames.GetValueOrDefault(platform, platform)}";

    public static CaniemailData Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var nice = root.GetProperty("nicenames");
        var features = new Dictionary<string, CaniemailFeature>(StringComparer.Ordinal);
        foreach (var feature in root.GetProperty("data").EnumerateArray())
        {
            var parsed = ParseFeature(feature);
            features.TryAdd(parsed.Title.Trim(), parsed);
        }
        return new CaniemailData(features, Names(nice.GetProperty("family")), Names(nice.GetProperty("platform")),
            root.TryGetProperty("last_update_date", out var updated) ? updated.GetString() ?? "" : "");
    }

    private static CaniemailFeature ParseFeature(JsonElement feature)
    {
        var clients = new List<CaniemailClientSupport>();
        foreach (var family in feature.GetProperty("stats").EnumerateObject())
        {
            foreach (var platform in family.Value.EnumerateObject())
            {
                // Like caniemail's own checker: the verdict of the latest tested version (keys sort by date or version).
                var latest = platform.Value.EnumerateObject().Select(v => v.Name).Order(StringComparer.Ordinal).LastOrDefault();
                if (latest is null)
                {
                    continue;
                }
                var verdict = platform.Value.GetProperty(latest).GetString() ?? "u";
                clients.Add(new CaniemailClientSupport(family.Name, platform.Name, Level(verdict), NoteNumbers(verdict)));
            }
        }
        var notes = new Dictionary<int, string>();
        if (feature.TryGetProperty("notes_by_num", out var byNumber) && byNumber.ValueKind == JsonValueKind.Object)
        {
            foreach (var note in byNumber.EnumerateObject())
            {
                if (int.TryParse(note.Name, System.Globalization.CultureInfo.InvariantCulture, out var number) && note.Value.GetString() is { } text)
                {
                    notes[number] = text;
                }
            }
        }
        var url = feature.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsedUrl) ? parsedUrl : null;
        return new CaniemailFeature(feature.GetProperty("slug").GetString() ?? "", feature.GetProperty("title").GetString() ?? "",
            feature.GetProperty("category").GetString() ?? "", url, clients, notes);
    }

    private static SupportLevel Level(string verdict) => verdict.TrimStart() switch
    {
        ['y', ..] => SupportLevel.Full,
        ['n', ..] => SupportLevel.None,
        ['a', ..] => SupportLevel.Partial,
        _ => SupportLevel.Unknown,
    };

    /// <summary>The footnote numbers of a verdict such as <c>a #1 #3</c>.</summary>
    private static int[] NoteNumbers(string verdict)
        => [.. verdict.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.StartsWith('#'))
            .Select(w => int.TryParse(w.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)];

    private static Dictionary<string, string> Names(JsonElement names)
        => names.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal);

    private static CaniemailData LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MailCatcher.Checks.Html.caniemail.json")
            ?? throw new InvalidOperationException("The caniemail data is missing from MailCatcher.Checks (an embedded resource).");
        return Parse(stream);
    }
}
