using System.Text.Json;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Settings;

/// <summary>Reads and writes site settings (JSON values under dotted keys such as <c>Site.Name</c>).</summary>
public sealed class SiteSettings(CoreDbContext db, TimeProvider clock)
{
    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        return setting is null ? default : JsonSerializer.Deserialize<T>(setting.Value);
    }

    public async Task<string?> GetStringAsync(string key, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null) return null;
        using var document = JsonDocument.Parse(setting.Value);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : document.RootElement.GetRawText();
    }

    /// <summary>Stages the value; it is saved with the surrounding unit of work.</summary>
    public Task SetAsync<T>(string key, T value, CancellationToken cancellationToken = default) =>
        SetRawAsync(key, JsonSerializer.Serialize(value), cancellationToken);

    public async Task SetRawAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.FindAsync([key], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (setting is null)
        {
            db.Settings.Add(new SiteSetting { Key = key, Value = json, UpdatedAt = now });
        }
        else
        {
            setting.Value = json;
            setting.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
