using MailCatcher.CommandLine;
using MailCatcher.CommandLine.Scripts;
using MailCatcher.Hosting;

StartupTrace.Mark("main");

// Subcommands, each in its own file under CommandLine/, chosen by the first argument.
if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(args[1..], Console.In, Console.Out, Console.Error);
}
if (SendmailCommand.Matches(args, out var sendmailArgs))
{
    return await SendmailCommand.RunAsync(sendmailArgs, Console.OpenStandardInput(), Console.Error);
}
if (args is [HealthcheckCommand.Name, ..])
{
    return await HealthcheckCommand.RunAsync(args[1..], Console.Out);
}
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
StartupTrace.Mark("built");
await app.StartAsync();
StartupTrace.Mark("listening");
Console.WriteLine(MailCatcherApp.StartupBanner(app));
await app.WaitForShutdownAsync();
return 0;
