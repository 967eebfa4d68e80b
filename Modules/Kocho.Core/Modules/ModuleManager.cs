using Kocho.Core.Audit;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Modules;

/// <summary>
/// Enables and disables modules: dependencies are enabled automatically, a module that another enabled
/// module needs (or an always-enabled one) cannot be disabled, and enabling migrates the module's schema.
/// Disabling keeps the module's data.
/// </summary>
public sealed class ModuleManager(
    ModuleCatalog catalog,
    EnabledModules enabledModules,
    CoreDbContext db,
    UnitOfWork unitOfWork,
    IAuditTrail audit,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ModuleManager> logger)
{
    /// <summary>Reads the enabled set from the database into <see cref="EnabledModules"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.ModuleStates.AsNoTracking().Where(s => s.Enabled).Select(s => s.Id).ToListAsync(cancellationToken);
        var ids = stored.Where(id => catalog.Find(id) is not null)
            .Concat(catalog.Modules.Where(m => m.AlwaysEnabled).Select(m => m.Id));
        enabledModules.Set(ids);
    }

    public async Task<IReadOnlyList<ModuleDescriptor>> EnableAsync(string id, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(id) is null)
        {
            throw new ModuleException($"モジュール「{id}」は見つかりません。");
        }
        var newlyEnabled = new List<ModuleDescriptor>();
        if (!unitOfWork.InTransaction)
        {
            // Schema first, each migration in its own transaction; inside a recipe the schema is already current (SiteSetup.MigrateAsync).
            foreach (var module in catalog.WithDependencies(id)) await MigrateAsync(module, cancellationToken);
        }
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var states = await db.ModuleStates.ToDictionaryAsync(s => s.Id, ct);
            foreach (var module in catalog.WithDependencies(id))
            {
                var enabled = module.AlwaysEnabled || (states.TryGetValue(module.Id, out var s) && s.Enabled);
                if (enabled && states.ContainsKey(module.Id)) continue;
                if (states.TryGetValue(module.Id, out var state))
                {
                    state.Enabled = true;
                    state.ChangedAt = clock.GetUtcNow().UtcDateTime;
                }
                else
                {
                    db.ModuleStates.Add(new ModuleState { Id = module.Id, Enabled = true, ChangedAt = clock.GetUtcNow().UtcDateTime });
                }
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(new AuditEntry("module.enabled", "Module", module.Id), ct);
                foreach (var handler in services.GetServices<IModuleLifecycleHandler>())
                {
                    await handler.EnabledAsync(module, ct);
                }
                if (!enabled) newlyEnabled.Add(module);
            }
        }, cancellationToken);
        await RefreshAsync(cancellationToken);
        foreach (var module in newlyEnabled) logger.LogInformation("Module {Module} enabled", module.Id);
        return newlyEnabled;
    }

    public async Task DisableAsync(string id, CancellationToken cancellationToken = default)
    {
        var module = catalog.Find(id) ?? throw new ModuleException($"モジュール「{id}」は見つかりません。");
        if (module.AlwaysEnabled)
        {
            throw new ModuleException($"「{module.Name}」は常に有効なモジュールのため無効にできません。");
        }
        var neededBy = catalog.Dependents(id).Where(m => enabledModules.IsEnabled(m.Id)).ToList();
        if (neededBy.Count > 0)
        {
            throw new ModuleException(
                $"「{module.Name}」は「{string.Join("」「", neededBy.Select(m => m.Name))}」が必要としているため無効にできません。先にそちらを無効にしてください。");
        }
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var state = await db.ModuleStates.FindAsync([id], ct);
            if (state is null)
            {
                db.ModuleStates.Add(new ModuleState { Id = id, Enabled = false, ChangedAt = clock.GetUtcNow().UtcDateTime });
            }
            else
            {
                state.Enabled = false;
                state.ChangedAt = clock.GetUtcNow().UtcDateTime;
            }
            await audit.RecordAsync(new AuditEntry("module.disabled", "Module", id), ct);
        }, cancellationToken);
        await RefreshAsync(cancellationToken);
        logger.LogInformation("Module {Module} disabled", id);
    }

    /// <summary>Applies the module's pending migrations (used at start and when it is enabled).</summary>
    public async Task MigrateAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        foreach (var contextType in module.DbContextTypes)
        {
            var context = (DbContext)services.GetRequiredService(contextType);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
