using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Core.Protection;
using Kocho.Core.Residents;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Residents;

/// <summary>
/// ユーザ情報管理（登録・認証） for 区民等: registration with consent and a mailed verification link, profile
/// changes, email change (verified again), password reset and deletion. Answers never reveal whether an
/// email address has an account; every change is one transaction with its mail and its audit record.
/// </summary>
public sealed class ResidentAccounts(
    UserManager<KochoUser> users,
    ResidentsDbContext db,
    UnitOfWork unitOfWork,
    Kocho.Core.Protection.IPersonalDataProtector protector,
    IMailOutbox outbox,
    IAuditTrail audit,
    PublicLinks links,
    MailTemplates templates,
    TimeProvider clock)
{
    private const string Module = "Kocho.Users";

    private const string ChangeEmailPurpose = "Kocho.ResidentChangeEmail:";

    public string EmailHash(string normalizedEmail) => protector.LookupHash(LookupPurpose.Email, normalizedEmail);

    public async Task<(KochoUser User, ResidentProfile Profile)?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        var hash = EmailHash(normalizedEmail);
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.EmailHash == hash, cancellationToken);
        if (profile is null) return null;
        var user = await users.FindByIdAsync(profile.UserId);
        return user is null || user.Kind != UserKind.Resident ? null : (user, profile);
    }

    public async Task<ResidentProfile?> ProfileOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>
    /// Registers a resident (not usable until the mailed link is opened). Returns password errors only; when
    /// the address is already registered the owner gets a mail instead, and the caller shows the same page.
    /// </summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(string email, string password, ResidentDetails details, CancellationToken cancellationToken = default)
    {
        var passwordErrors = await PasswordErrorsAsync(password);
        if (passwordErrors.Count > 0) return passwordErrors;
        await unitOfWork.ExecuteAsync(async ct =>
        {
            if (await FindByEmailAsync(email, ct) is { } existing)
            {
                await outbox.EnqueueAsync(Mail("ResidentAlreadyRegistered", email, links.To("/account/forgot", new Dictionary<string, string>())), ct);
                await audit.RecordAsync(new AuditEntry("resident.register.duplicate", "Resident", existing.User.Id), ct);
                return;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var user = new KochoUser
            {
                UserName = "resident-" + Guid.NewGuid().ToString("N"),
                Kind = UserKind.Resident,
                DisplayName = "",
                LockoutEnabled = true,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, password));
            db.Profiles.Add(new ResidentProfile
            {
                UserId = user.Id,
                Email = email,
                EmailHash = EmailHash(email),
                Name = details.Name,
                PostalCode = details.PostalCode,
                Address = details.Address,
                Phone = details.Phone,
                PhoneHash = protector.LookupHash(LookupPurpose.Phone, PersonalDataNormalizer.Phone(details.Phone)),
                Fax = details.Fax,
                ConsentedAt = now,
                ConsentVersion = ResidentPurpose.Version,
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await outbox.EnqueueAsync(Mail("ResidentVerify", email, links.To("/account/verify", new Dictionary<string, string> { ["userId"] = user.Id, ["token"] = token })), ct);
            await audit.RecordAsync(new AuditEntry("resident.registered", "Resident", user.Id, $"consent {ResidentPurpose.Version}"), ct);
        }, cancellationToken);
        return [];
    }

    public async Task<bool> VerifyAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != UserKind.Resident) return false;
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var result = await users.ConfirmEmailAsync(user, token);
            if (result.Succeeded) await audit.RecordAsync(new AuditEntry("resident.verified", "Resident", user.Id), ct);
            return result.Succeeded;
        }, cancellationToken);
    }

    public async Task UpdateAsync(string userId, ResidentDetails details, CancellationToken cancellationToken = default)
    {
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var profile = await db.Profiles.FirstAsync(p => p.UserId == userId, ct);
            profile.Name = details.Name;
            profile.PostalCode = details.PostalCode;
            profile.Address = details.Address;
            profile.Phone = details.Phone;
            profile.PhoneHash = protector.LookupHash(LookupPurpose.Phone, PersonalDataNormalizer.Phone(details.Phone));
            profile.Fax = details.Fax;
            profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await audit.RecordAsync(new AuditEntry("resident.profile.changed", "Resident", userId), ct);
        }, cancellationToken);
    }

    /// <summary>Starts an email change: the new address gets a link; the old one stays the ID until it is opened.</summary>
    public async Task<string?> RequestEmailChangeAsync(KochoUser user, string newEmail, string password, CancellationToken cancellationToken = default)
    {
        if (!await users.CheckPasswordAsync(user, password)) return "パスワードが正しくありません。";
        var hash = EmailHash(newEmail);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var profile = await db.Profiles.FirstAsync(p => p.UserId == user.Id, ct);
            if (profile.EmailHash == hash) return;
            var taken = await db.Profiles.AnyAsync(p => p.EmailHash == hash && p.UserId != user.Id, ct);
            if (taken)
            {
                await outbox.EnqueueAsync(Mail("ResidentAlreadyRegistered", newEmail, links.To("/account/forgot", new Dictionary<string, string>())), ct);
                return;
            }
            profile.PendingEmail = newEmail;
            profile.PendingEmailHash = hash;
            var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, ChangeEmailPurpose + hash);
            await outbox.EnqueueAsync(Mail("ResidentConfirmNewEmail", newEmail,
                links.To("/account/email/confirm", new Dictionary<string, string> { ["userId"] = user.Id, ["token"] = token })), ct);
            await audit.RecordAsync(new AuditEntry("resident.email.change.requested", "Resident", user.Id), ct);
        }, cancellationToken);
        return null;
    }

    public async Task<bool> ConfirmEmailChangeAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != UserKind.Resident) return false;
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
            if (profile?.PendingEmailHash is not { } pending
                || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, ChangeEmailPurpose + pending, token)
                || await db.Profiles.AnyAsync(p => p.EmailHash == pending && p.UserId != userId, ct))
            {
                return false;
            }
            profile.Email = profile.PendingEmail!;
            profile.EmailHash = pending;
            profile.PendingEmail = null;
            profile.PendingEmailHash = null;
            profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(new AuditEntry("resident.email.changed", "Resident", userId), ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Mails a reset link when the address belongs to a verified account; silent otherwise.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        await unitOfWork.ExecuteAsync(async ct =>
        {
            if (await FindByEmailAsync(email, ct) is not { } found || !found.User.EmailConfirmed) return;
            var token = await users.GeneratePasswordResetTokenAsync(found.User);
            await outbox.EnqueueAsync(Mail("ResidentResetPassword", email,
                links.To("/account/reset", new Dictionary<string, string> { ["userId"] = found.User.Id, ["token"] = token })), ct);
            await audit.RecordAsync(new AuditEntry("resident.password.reset.requested", "Resident", found.User.Id), ct);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(string userId, string token, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != UserKind.Resident) return ["リンクの有効期限が切れているか、正しくありません。もう一度お手続きください。"];
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded) return (IReadOnlyList<string>)result.Errors.Select(e => e.Description).ToList();
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await audit.RecordAsync(new AuditEntry("resident.password.reset", "Resident", userId), ct);
            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes the account and every item of its personal data. Cases the resident sent keep their
    /// statistics: modules that hold them react to <see cref="ResidentAccountDeleted"/>.
    /// </summary>
    public async Task<bool> DeleteAsync(KochoUser user, string password, CancellationToken cancellationToken = default)
    {
        if (!await users.CheckPasswordAsync(user, password)) return false;
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == user.Id, ct);
            var contact = profile is null ? null : new ResidentContact(profile.UserId, profile.Name, profile.Email, profile.PostalCode, profile.Address, profile.Phone, profile.Fax);
            if (profile is not null) db.Profiles.Remove(profile);
            await db.SaveChangesAsync(ct);
            Check(await users.DeleteAsync(user));
            await audit.RecordAsync(new AuditEntry("resident.deleted", "Resident", user.Id), ct);
            unitOfWork.Publish(new ResidentAccountDeleted(user.Id, contact));
        }, cancellationToken);
        return true;
    }

    /// <summary>The Japanese mails of resident accounts (Mail/Templates): links only, no name — the mail folder may hold only the address (#11).</summary>
    private OutgoingMail Mail(string template, string to, string link) =>
        templates.Render(Module, template, to, new Dictionary<string, string> { ["link"] = link });

    private async Task<List<string>> PasswordErrorsAsync(string password)
    {
        var errors = new List<string>();
        var probe = new KochoUser { UserName = "probe", Kind = UserKind.Resident };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
