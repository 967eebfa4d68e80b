using Kocho.Core.Departments;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Intake;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>One demo-staff site shared by the privacy tests of a class (they use cases of their own).</summary>
public sealed class PrivacySite : IAsyncLifetime
{
    public const string Collection = "privacy-site";

    public PortalHost Host { get; private set; } = null!;
    public MailPickup Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartAsync("demo-staff");
        Mail = new MailPickup(Host.DataPath);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });

    public async Task<CaseActor> SectionAsync()
    {
        var permissions = new Kocho.Opinions.Permissions().GetDefaultRoles().Single(r => r.Role == StandardRoles.PublicHearing).Permissions.Select(p => p.Name).ToHashSet();
        var department = await InScopeAsync(async sp => (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync("0103"))!.Id);
        return new CaseActor(Guid.NewGuid(), "広聴 太郎", department, permissions);
    }

    public const string ResidentPassword = "resident-pass-2026";

    /// <summary>A resident registers, follows the mailed link and signs in: the signed-in client and the account's id.</summary>
    public async Task<(PortalClient Client, string UserId)> RegisterResidentAsync(string email, string name, string postalCode, string address, string phone)
    {
        var client = Host.PublicClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = ResidentPassword, ["Form.Name"] = name, ["Form.PostalCode"] = postalCode,
            ["Form.Address"] = address, ["Form.Phone"] = phone, ["Form.Fax"] = "", ["Consent"] = "true",
        });
        await client.GetStringAsync(MailPickup.LinkIn(await Mail.WaitForAsync(email, "メールアドレスの確認のお願い")));
        await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = ResidentPassword });
        var userId = await InScopeAsync(async sp => (await sp.GetRequiredService<Kocho.Users.Residents.ResidentAccounts>().FindByEmailAsync(email))!.Value.User.Id);
        return (client, userId);
    }

    /// <summary>A case sent through the web form (so a receipt mail goes to <paramref name="request"/>'s address).</summary>
    public async Task<IntakeResult> SubmitAsync(IntakeRequest request)
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<IntakeService>().SubmitWebAsync(request));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result;
    }

    /// <summary>Test set-up only: the case as finished <paramref name="yearsAgo"/> years ago (the lifecycle itself is tested elsewhere).</summary>
    public Task FinishAsync(Guid caseId, double yearsAgo, string? residentUserId = null) => InScopeAsync(async sp =>
    {
        var closed = DateTime.UtcNow.AddDays(-365.25 * yearsAgo);
        await sp.GetRequiredService<OpinionsDbContext>().Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.Completed)
            .SetProperty(c => c.ClosedAt, closed));
        if (residentUserId is not null)
        {
            await sp.GetRequiredService<OpinionsDbContext>().Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResidentUserId, residentUserId));
        }
    });
}

[CollectionDefinition(PrivacySite.Collection)]
public sealed class PrivacySiteCollection : ICollectionFixture<PrivacySite>;
