using Kocho.Core.Data;
using Kocho.Core.Audit;
using Kocho.Core.Modules;
using Kocho.Core.Recipes;
using Kocho.Core.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Cli;

/// <summary>
/// Runs a CLI verb in its own service scope: performs setup first when the site is not set up,
/// writes results to stdout, and turns a refused action into exit code 1 with a one-line reason on stderr.
/// </summary>
public sealed class CliRunner(IServiceProvider services, TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken, bool ensureSetUp = true)
    {
        try
        {
            if (ensureSetUp)
            {
                await EnsureSetUpAsync(cancellationToken);
            }
            await using var scope = CreateScope();
            return await action(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is SetupException or RecipeException or ModuleException or CliException)
        {
            await Error.WriteLineAsync(OneLine(ex.Message));
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger<CliRunner>().LogError(ex, "CLI verb failed");
            await Error.WriteLineAsync(OneLine("エラー: " + ex.Message));
            return 1;
        }
    }

    /// <summary>Migrates, and sets the site up from the configured recipe when it is not set up yet; one node at a time.</summary>
    public async Task EnsureSetUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = CreateScope();
        await using var migrationLock = await MigrationLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<DatabaseConnectionFactory>(), cancellationToken);
        var setup = scope.ServiceProvider.GetRequiredService<SiteSetup>();
        await setup.MigrateAsync(cancellationToken);
        if (await setup.IsSetUpAsync(cancellationToken)) return;
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var result = await setup.SetupAsync(
            configuration["Kocho:Setup:Recipe"] ?? "shinjuku",
            configuration["Kocho:Setup:AdminPassword"],
            cancellationToken);
        await ReportSetupAsync(result);
    }

    public async Task ReportSetupAsync(SetupResult result)
    {
        await Output.WriteLineAsync($"サイトをレシピ「{result.Recipe}」でセットアップしました。");
        if (result.GeneratedAdminPassword is { } password)
        {
            await Output.WriteLineAsync($"管理者アカウント admin の初期パスワード（この一度だけ表示します）: {password}");
        }
    }

    /// <summary>A scope whose audit records name the OS user who ran the command (<c>cli:&lt;user&gt;</c>).</summary>
    private AsyncServiceScope CreateScope()
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AmbientAuditActor>().Actor = AuditActor.Cli(Environment.UserName);
        return scope;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
