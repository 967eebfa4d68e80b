using System.CommandLine;

namespace Kocho.Core.Cli;

/// <summary>A module's verbs on the portal's command line (same configuration and data folder as the site).</summary>
public interface ICliCommandProvider
{
    IEnumerable<Command> CreateCommands(CliRunner runner);
}
