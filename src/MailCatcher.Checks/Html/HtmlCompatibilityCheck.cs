using System.Globalization;

namespace MailCatcher.Checks.Html;

/// <summary>
/// Which HTML and CSS features of a message email clients do not support, from the caniemail
/// data: one finding per feature with the clients it breaks in and the lines it is on, and a
/// support percentage per client family. A feature unsupported in three or more of the major
/// families fails; in one or two, warns; only partly supported or only in smaller clients, informs.
/// </summary>
public sealed class HtmlCompatibilityCheck
{
    /// <summary>The families most mail is read in; their verdicts decide fail and warn.</summary>
    public static readonly IReadOnlyList<string> MajorFamilies = ["gmail", "outlook", "apple-mail", "yahoo", "samsung-email", "thunderbird"];

    /// <summary>
    /// Features whose absence harms nothing: a client that ignores the doctype or a comment renders
    /// the rest as before (caniemail's own notes say "no impact"). Reported, never above info.
    /// </summary>
    private static readonly HashSet<string> HarmlessWhenUnsupported = new(StringComparer.Ordinal) { "HTML5 doctype", "HTML comments", "CSS comments" };

    private const int FailWhenMajorFamiliesBroken = 3;
    private const int MaxLinesListed = 10;

    private readonly CaniemailData _data;
    private readonly CaniemailFeatureIndex _index;

    public HtmlCompatibilityCheck(CaniemailData data)
    {
        _data = data;
        _index = new CaniemailFeatureIndex(data);
    }

    public HtmlCheckResult Check(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new HtmlCheckResult(CheckStatus.Skipped, "The message has no HTML body, so there is nothing to render differently.", [], [], 0, _data.LastUpdate);
        }
        var uses = HtmlFeatureScanner.Scan(html, _index);
        var byFeature = uses.GroupBy(u => u.Title, StringComparer.Ordinal)
            .Select(g => (Feature: _data.Features[g.Key], Uses: g.OrderBy(u => u.Line).ToList()))
            .ToList();
        var items = byFeature.Select(f => Judge(f.Feature, f.Uses)).OfType<CheckItem>()
            .OrderByDescending(i => i.Severity).ThenBy(i => i.Line ?? 0).ToList();
        var clients = FamilySupport([.. byFeature.Select(f => f.Feature)]);
        var status = CheckStatuses.FromItems(items);
        return new HtmlCheckResult(status, Summarise(byFeature.Count, items, clients), items, clients, byFeature.Count, _data.LastUpdate);
    }

    private CheckItem? Judge(CaniemailFeature feature, List<FeatureUse> uses)
    {
        var clients = feature.Clients.OrderBy(c => MajorRank(c.Family)).ToList();
        var none = clients.Where(c => c.Level == SupportLevel.None).ToList();
        var partial = clients.Where(c => c.Level == SupportLevel.Partial).ToList();
        if (none.Count == 0 && partial.Count == 0)
        {
            return null;
        }
        var brokenMajor = none.Select(c => c.Family).Where(MajorFamilies.Contains).Distinct().Count();
        var severity = HarmlessWhenUnsupported.Contains(feature.Title) ? CheckSeverity.Info
            : brokenMajor >= FailWhenMajorFamiliesBroken ? CheckSeverity.Fail
            : brokenMajor > 0 ? CheckSeverity.Warn
            : CheckSeverity.Info;
        var why = new List<string>();
        if (none.Count > 0)
        {
            why.Add($"Not supported in {Names(none)}.");
        }
        if (partial.Count > 0)
        {
            why.Add($"Only partly supported in {Names(partial)}.");
        }
        var notes = none.Concat(partial).SelectMany(c => c.NoteNumbers).Distinct().Order()
            .Select(n => feature.Notes.GetValueOrDefault(n)).OfType<string>().Take(3);
        why.AddRange(notes.Select(n => "Note: " + n));
        var lines = uses.Select(u => u.Line).Where(l => l > 0).Distinct().ToList();
        var location = (lines.Count switch
        {
            0 => "",
            1 => $"line {lines[0]}",
            _ => "lines " + string.Join(", ", lines.Take(MaxLinesListed)) + (lines.Count > MaxLinesListed ? $" and {lines.Count - MaxLinesListed} more" : ""),
        }) + $": {uses[0].Context}";
        var fix = severity == CheckSeverity.Info
            ? "Look at the message in those clients if it matters there."
            : "Give it a fallback that degrades well where it is not supported, or do without it.";
        return new CheckItem(severity, feature.Title, string.Join(" ", why), fix, location, lines.Count > 0 ? lines[0] : null,
            [.. none.Select(c => _data.ClientName(c.Family, c.Platform)).Concat(partial.Select(c => _data.ClientName(c.Family, c.Platform) + " (partly)"))],
            feature.Url);
    }

    /// <summary>Major families first, in <see cref="MajorFamilies"/> order, so lists lead with what most readers use.</summary>
    private static int MajorRank(string family)
    {
        for (var i = 0; i < MajorFamilies.Count; i++)
        {
            if (MajorFamilies[i] == family)
            {
                return i;
            }
        }
        return MajorFamilies.Count;
    }

    private string Names(List<CaniemailClientSupport> clients)
    {
        var names = clients.Select(c => _data.ClientName(c.Family, c.Platform)).ToList();
        return names.Count <= 6 ? string.Join(", ", names) : string.Join(", ", names.Take(6)) + $" and {names.Count - 6} more";
    }

    private List<ClientFamilySupport> FamilySupport(IReadOnlyList<CaniemailFeature> used)
    {
        var families = _data.Features.Values.SelectMany(f => f.Clients).Select(c => c.Family).Distinct()
            .OrderBy(MajorRank)
            .ThenBy(f => f, StringComparer.Ordinal);
        var result = new List<ClientFamilySupport>();
        foreach (var family in families)
        {
            double score = 0;
            var counted = 0;
            var unsupported = 0;
            foreach (var feature in used)
            {
                var verdicts = feature.Clients.Where(c => c.Family == family && c.Level != SupportLevel.Unknown).ToList();
                score += verdicts.Sum(v => v.Level == SupportLevel.Full ? 1 : v.Level == SupportLevel.Partial ? 0.5 : 0);
                counted += verdicts.Count;
                unsupported += verdicts.Any(v => v.Level == SupportLevel.None) ? 1 : 0;
            }
            var percent = counted == 0 ? 100 : (int)Math.Round(100 * score / counted, MidpointRounding.AwayFromZero);
            result.Add(new ClientFamilySupport(family, _data.FamilyNames.GetValueOrDefault(family, family), percent, unsupported));
        }
        return result;
    }

    private static string Summarise(int featureCount, List<CheckItem> items, List<ClientFamilySupport> clients)
    {
        if (featureCount == 0)
        {
            return "The HTML uses no feature that caniemail tracks.";
        }
        var fails = CheckStatuses.Count(items, CheckSeverity.Fail);
        var warns = CheckStatuses.Count(items, CheckSeverity.Warn);
        var worst = clients.Where(c => MajorFamilies.Contains(c.Family)).OrderBy(c => c.SupportPercent).FirstOrDefault();
        var features = CheckStatuses.Plural(featureCount, "feature");
        var verdict = fails + warns == 0
            ? "every major client supports them"
            : $"{fails} of them unsupported in most major clients, {warns} in some";
        var lowest = worst is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; lowest support: {worst.Name} {worst.SupportPercent}%");
        return $"The HTML uses {features} caniemail tracks: {verdict}{lowest}.";
    }
}
