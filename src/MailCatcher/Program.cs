using MailCatcher.CommandLine;
using MailCatcher.Hosting;

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

var app = MailCatcherApp.Build(args);
await app.StartAsync();
Console.WriteLine(MailCatcherApp.StartupBanner(app));
await app.WaitForShutdownAsync();
return 0;
