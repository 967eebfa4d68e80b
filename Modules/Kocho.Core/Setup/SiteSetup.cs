using System.Security.Cryptography;
using Kocho.Core.Data;
using Kocho.Core.Modules;
using Kocho.Core.Protection;
using Kocho.Core.Recipes;
using Kocho.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Setup;

/// <summary>
/// First run: migrates the schema of the enabled modules and, on an empty site, runs the setup recipe and
/// creates the <c>admin</c> account — all in one transaction. Setup on a site that is set up is refused.
/// </summary>
public sealed class SiteSetup(
    ModuleCatalog catalog,
    DatabaseConnectionFactory connections,
    ModuleManager moduleManager,
    RecipeExecutor recipes,
    SiteSettings settings,
    KeyRingMaintenance keyRing,
    UnitOfWork unitOfWork,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<SiteSetup> logger)
{
    public const string CompletedKey = "Setup.CompletedAt";

    /// <summary>
    /// Brings the schema of every installed module up to date, outside any transaction. Enabling a module
    /// (possibly inside a recipe's transaction) then finds its tables ready: PostgreSQL aborts a transaction
    /// on the first failed statement, and migrating probes for history tables that may not exist yet.
    /// Then, with the key tables in place, the Data Protection key ring and the lookup secret are made
    /// ready, before any request or verb can need them.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await connections.PrepareDatabaseAsync(cancellationToken);
        foreach (var module in catalog.Modules)
        {
            await moduleManager.MigrateAsync(module, cancellationToken);
        }
        await moduleManager.RefreshAsync(cancellationToken);
        await keyRing.EnsureReadyAsync(cancellationToken);
    }

    public async Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default) =>
        await settings.GetStringAsync(CompletedKey, cancellationToken) is not null;

    public async Task<SetupResult> SetupAsync(string recipe, string? adminPassword, CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        if (await IsSetUpAsync(cancellationToken))
        {
            throw new SetupException("このサイトはすでにセットアップ済みです。セットアップは空のデータフォルダ（データベース）でのみ実行できます。");
        }
        var generated = string.IsNullOrEmpty(adminPassword) ? GeneratePassword() : null;
        var request = new SetupRequest(recipe, generated ?? adminPassword!);
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                foreach (var module in catalog.Modules.Where(m => m.AlwaysEnabled))
                {
                    await moduleManager.EnableAsync(module.Id, ct);
                }
                await recipes.RunAsync(recipe, ct);
                foreach (var participant in services.GetServices<ISiteSetupParticipant>())
                {
                    await participant.SetupAsync(request, ct);
                }
                await settings.SetAsync(CompletedKey, clock.GetUtcNow().UtcDateTime, ct);
                await settings.SetAsync("Setup.Recipe", recipe, ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not SetupException)
        {
            await moduleManager.RefreshAsync(CancellationToken.None);
            throw new SetupException(ex.Message, ex);
        }
        logger.LogInformation("Site set up from recipe {Recipe}", recipe);
        return new SetupResult(recipe, generated);
    }

    /// <summary>A password that meets the policy (≥ 12 characters, mixed classes).</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!#%";
        var all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
