using System.CommandLine;
using Kocho.Core.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Audit;

/// <summary><c>audit verify</c>: exit 0 when the chain holds, 1 naming the first broken record.</summary>
public sealed class AuditCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var verify = new Command("verify", "監査証跡のハッシュの連鎖を先頭から検証します（改ざんがあれば最初の記録を示して終了コード 1）");
        verify.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var result = await sp.GetRequiredService<AuditVerifier>().VerifyAsync(token);
            if (!result.IsIntact)
            {
                throw new CliException($"監査証跡の記録 #{result.BrokenSequence} が改ざんされています（{result.Problem}）。");
            }
            await runner.Output.WriteLineAsync($"監査証跡は改ざんされていません（{result.Count} 件）。");
            if (result.LastHash is { } last)
            {
                // Kept elsewhere, this line also reveals records later cut from the end of the trail.
                await runner.Output.WriteLineAsync($"最新の記録 #{result.Count} のハッシュ: {last}");
            }
            return 0;
        }, ct));
        yield return new Command("audit", "監査証跡") { verify };
    }
}
