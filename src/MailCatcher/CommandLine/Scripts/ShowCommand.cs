using System.Globalization;

namespace MailCatcher.CommandLine.Scripts;

/// <summary><c>mailcatcher show ID [--raw|--text|--html|--headers|--links|--codes]</c>: one message, or one view of it.</summary>
internal static class ShowCommand
{
    private static readonly string[] Views = ["--raw", "--text", "--html", "--headers", "--links", "--codes"];

    public static ScriptCommand Command { get; } = new(
        "show",
        """
        Usage: mailcatcher show ID [--raw | --text | --html | --headers | --links | --codes] [--json] [--url URL] [--token TOKEN]
          Prints one message: its summary and text body, or only
          --raw      the exact bytes as received
          --text     the text body          --html   the HTML body
          --headers  NAME: VALUE lines      --links  URL TAB TEXT lines (best first)
          --codes    likely one-time codes, best first (the first line is the likeliest)
          --json     the API's JSON (the detail, or the headers, links or codes)
        Exit: 0 shown, 1 no such message (or no links/codes), 2 usage, 3 unreachable, 4 unauthorized, 5 server error.
        """,
        new HashSet<string>(StringComparer.Ordinal),
        new HashSet<string>(Views, StringComparer.Ordinal),
        RunAsync);

    private static async Task<int> RunAsync(ScriptArguments args, Client.MailCatcherClient client, ScriptConsole console, CancellationToken cancellationToken)
    {
        var views = Views.Where(args.Switch).ToList();
        if (args.Positional.Count != 1 || !long.TryParse(args.Positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || views.Count > 1)
        {
            await console.Error.WriteLineAsync("show takes one message ID and at most one of " + string.Join(", ", Views) + ".");
            return ScriptExitCodes.Usage;
        }
        switch (views.FirstOrDefault())
        {
            case "--raw":
                var raw = await client.GetRawAsync(id, cancellationToken);
                await console.RawOut.WriteAsync(raw, cancellationToken);
                await console.RawOut.FlushAsync(cancellationToken);
                return ScriptExitCodes.Ok;
            case "--text":
                await console.Out.WriteAsync(await client.GetTextAsync(id, cancellationToken));
                return ScriptExitCodes.Ok;
            case "--html":
                await console.Out.WriteAsync(await client.GetHtmlAsync(id, cancellationToken));
                return ScriptExitCodes.Ok;
            case "--headers":
                var headers = await client.GetHeadersAsync(id, cancellationToken);
                return await PrintAsync(console, args.Json, headers, h => $"{h.Name}: {ScriptOutput.OneLine(h.Value)}", emptyIsNothing: false);
            case "--links":
                var links = await client.GetLinksAsync(id, cancellationToken);
                return await PrintAsync(console, args.Json, links, l => $"{l.Url}\t{ScriptOutput.OneLine(l.Text)}", emptyIsNothing: true);
            case "--codes":
                var codes = await client.GetCodesAsync(id, cancellationToken);
                return await PrintAsync(console, args.Json, codes, c => c.Code, emptyIsNothing: true);
            default:
                var detail = await client.GetAsync(id, cancellationToken);
                if (args.Json)
                {
                    await ScriptOutput.WriteJsonAsync(console.Out, detail);
                    return ScriptExitCodes.Ok;
                }
                await console.Out.WriteLineAsync($"From:     {detail.From?.ToString() ?? detail.EnvelopeFrom}");
                await console.Out.WriteLineAsync($"To:       {string.Join(", ", detail.To.Select(a => a.Address))}");
                await console.Out.WriteLineAsync($"Subject:  {ScriptOutput.OneLine(detail.Subject)}");
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Received: {detail.ReceivedAt.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}"));
                await console.Out.WriteLineAsync();
                await console.Out.WriteLineAsync(detail.Text ?? "(no text body)");
                return ScriptExitCodes.Ok;
        }
    }

    private static async Task<int> PrintAsync<T>(ScriptConsole console, bool json, IReadOnlyList<T> items, Func<T, string> line, bool emptyIsNothing)
    {
        if (json)
        {
            await ScriptOutput.WriteJsonAsync(console.Out, items);
        }
        else
        {
            foreach (var item in items)
            {
                await console.Out.WriteLineAsync(line(item));
            }
        }
        return emptyIsNothing && items.Count == 0 ? ScriptExitCodes.NothingFound : ScriptExitCodes.Ok;
    }
}
