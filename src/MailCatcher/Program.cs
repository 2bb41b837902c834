using MailCatcher.CommandLine;
using MailCatcher.CommandLine.Scripts;
using MailCatcher.Hosting;

// Subcommands first, by their first argument (each in its own file under CommandLine/).
if (ScriptCommands.Handles(args))
{
    return await ScriptCommands.RunAsync(args, ScriptConsole.Standard);
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
