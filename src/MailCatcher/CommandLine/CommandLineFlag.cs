namespace MailCatcher.CommandLine;

/// <summary>One command-line flag and the configuration key it sets.</summary>
/// <param name="Name">The flag, e.g. <c>--smtp-port</c>.</param>
/// <param name="ConfigKey">The configuration key it sets, e.g. <c>Smtp:Port</c>.</param>
/// <param name="Default">The default shown in <c>--help</c>.</param>
/// <param name="Help">What it does.</param>
/// <param name="IsSwitch">True for a flag that takes no value (it sets <c>true</c>).</param>
/// <param name="IsRepeatable">True for a flag that may be given several times (it sets <c>Key:0</c>, <c>Key:1</c>, …).</param>
internal sealed record CommandLineFlag(string Name, string ConfigKey, string Default, string Help, bool IsSwitch = false, bool IsRepeatable = false);
