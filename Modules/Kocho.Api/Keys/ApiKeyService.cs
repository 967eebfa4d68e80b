using System.Security.Cryptography;
using System.Text;
using Kocho.Api.Data;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Api.Keys;

/// <summary>
/// Issues, lists, revokes and checks API keys. A key is <c>kch_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds the row,
/// the keyed hash of the whole key proves it. Issuing and revoking are audited in the same transaction.
/// </summary>
public sealed class ApiKeyService(
    ApiDbContext db,
    UnitOfWork unitOfWork,
    IPersonalDataProtector protector,
    DepartmentDirectory departments,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const string HashPurpose = "api-key";
    private const string Marker = "kch_";

    public sealed record Issued(ApiKey Key, string Secret);

    public async Task<IReadOnlyList<ApiKey>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Keys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);

    /// <summary>Checks the input (every error at once, in Japanese); on success the key, whose secret is never shown again.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Errors, Issued? Issued)> CreateAsync(ApiKeyInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var name = (input.Name ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (name.Length == 0) errors["Name"] = "連携先の名前を入力してください。";
        else if (name.Length > 100) errors["Name"] = "連携先の名前は100文字以内で入力してください。";
        var scopes = input.Scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        if (scopes.Count == 0) errors["Scopes"] = "許可する操作（スコープ）を1つ以上選んでください。";
        else if (scopes.Any(s => !ApiScopes.IsKnown(s))) errors["Scopes"] = "スコープの指定が正しくありません。";
        Guid? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.DepartmentCode))
        {
            var department = await departments.FindByCodeAsync(input.DepartmentCode.Trim(), cancellationToken);
            if (department is null || department.Level == DepartmentLevel.Division) errors["DepartmentCode"] = "所属の制限には課または係を選んでください。";
            else departmentId = department.Id;
        }
        var perMinute = ApiScopes.DefaultRequestsPerMinute;
        if (!string.IsNullOrWhiteSpace(input.RequestsPerMinute)
            && (!int.TryParse(input.RequestsPerMinute.Normalize(NormalizationForm.FormKC).Trim(), out perMinute) || perMinute < 1 || perMinute > ApiScopes.MaxRequestsPerMinute))
        {
            errors["RequestsPerMinute"] = $"1分あたりの上限は1から{ApiScopes.MaxRequestsPerMinute:N0}までの数字で入力してください。";
        }
        if (errors.Count > 0) return (errors, null);

        var prefix = Marker + RandomNumberGenerator.GetHexString(8, lowercase: true);
        var secret = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name,
            Prefix = prefix,
            SecretHash = protector.LookupHash(HashPurpose, secret),
            Scopes = string.Join(' ', ApiScopes.All.Select(s => s.Scope).Where(scopes.Contains)),
            DepartmentId = departmentId,
            RequestsPerMinute = perMinute,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        await unitOfWork.ExecuteAsync(async ct =>
        {
            db.Keys.Add(key);
            await audit.RecordAsync(new AuditEntry("api.key.created", "ApiKey", key.Id.ToString(), $"{key.Name} [{key.Scopes}] {key.Prefix}"), ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return (new Dictionary<string, string>(), new Issued(key, secret));
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default) =>
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var key = await db.Keys.FirstOrDefaultAsync(k => k.Id == id, ct);
            if (key is null) return false;
            if (key.RevokedAt is not null) return true;
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await audit.RecordAsync(new AuditEntry("api.key.revoked", "ApiKey", key.Id.ToString(), key.Name), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>The live key a caller presented, or null (unknown, altered or revoked: the caller cannot tell which).</summary>
    public async Task<ApiKey?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 100 || !presented.StartsWith(Marker, StringComparison.Ordinal)) return null;
        var cut = presented.IndexOf('_', Marker.Length);
        if (cut < 0) return null;
        var prefix = presented[..cut];
        var key = await db.Keys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || key.RevokedAt is not null) return null;
        var hash = protector.LookupHash(HashPurpose, presented);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(key.SecretHash))) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || key.LastUsedAt < now.AddMinutes(-1))
        {
            await db.Keys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
