using MailCatcher.Bench;

// Benchmarks run by hand, one mode each:
//   dotnet run -c Release --project bench/MailCatcher.Bench -- search [--messages N] [--db PATH] [--versus-db URL] [--runs N]
//   dotnet run -c Release --project bench/MailCatcher.Bench -- inboxes [--inboxes N] [--messages N] [--db PATH] [--runs N]
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return mode switch
{
    "search" => await SearchBenchmark.RunAsync(rest),
    "inboxes" => await InboxBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: MailCatcher.Bench <mode> [options]
          search   seed a store with varied messages (default 100000) and time the first page of
                   typical searches and of the newest messages
                   --messages N   how many to seed (default 100000)
                   --db PATH      keep the database there (a SQLite path or a postgres:// URL);
                                  reused when it already holds N messages
                   --versus-db URL  also seed that database (e.g. postgres://user@127.0.0.1:5432/bench)
                                  with the same messages and time each search on both, side by side
                   --runs N       timed runs per query (default 50)
          inboxes  the same messages spread over isolated inboxes (default 100, by SMTP AUTH user);
                   times the newest page and typical searches inside one inbox
                   --inboxes N, --messages N, --db PATH, --runs N as above
        """);
    return 2;
}
