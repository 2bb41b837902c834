using MailCatcher.CommandLine;
using MailCatcher.Hosting;

// Subcommands, by their first argument; each lives in its own file under CommandLine/.
if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(args[1..], Console.In, Console.Out, Console.Error);
}

var commandLine = CommandLineParser.Parse(args);
if (commandLine.ShowHelp)
{
    Console.Write(CommandLineParser.HelpText());
    return 0;
}
if (commandLine.ShowVersion)
{
    Console.WriteLine(MailCatcher.Api.InfoApi.Version);
    return 0;
}
if (commandLine.Error is not null)
{
    Console.Error.WriteLine(commandLine.Error);
    return 2;
}

WebApplication app;
try
{
    app = MailCatcherApp.Build(args);
}
catch (StartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
await app.StartAsync();
Console.WriteLine(MailCatcherApp.StartupBanner(app));
await app.WaitForShutdownAsync();
return 0;
