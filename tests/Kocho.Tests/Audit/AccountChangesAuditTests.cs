using Kocho.Core.Audit;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Audit;

/// <summary>Account and role changes leave their trace in the audit trail, written with the change itself.</summary>
[Trait("Category", "Integration")]
public sealed class AccountChangesAuditTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<AuditRecord>> RecordsAsync(string action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Set<AuditRecord>()
            .Where(r => r.Action == action).OrderBy(r => r.Sequence).ToListAsync();
    }

    [Fact]
    public async Task Creating_and_disabling_a_staff_account_is_audited_without_the_password()
    {
        using var admin = await _host.SignedInStaffAsync();
        var created = await admin.PostFormAsync("/admin/users/new", new()
        {
            ["Input.Login"] = "audit01", ["Input.Name"] = "監査 太郎", ["Input.Department"] = "0502",
            ["Input.Roles"] = "DepartmentStaff", ["Input.Password"] = "initial-password-01", ["Input.MustChangePassword"] = "false",
        });
        var memberPath = created.RequestMessage!.RequestUri!.AbsolutePath;
        await admin.PostFormAsync(memberPath, new(), handler: "Disable");

        var creation = Assert.Single(await RecordsAsync("user.created"));
        Assert.Equal("システム管理者 (admin)", creation.ActorName);
        Assert.Contains("roles=DepartmentStaff", creation.Details);
        Assert.DoesNotContain("initial-password-01", creation.Details);
        var disabling = Assert.Single(await RecordsAsync("user.disabled"));
        Assert.Equal(creation.EntityId, disabling.EntityId);

        var (code, _, error) = await _host.RunVerbAsync("audit", "verify");
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Viewing_staff_contact_data_from_the_command_line_is_audited()
    {
        await _host.RunVerbAsync("users", "add", "--login", "audit02", "--name", "監査 次郎", "--role", "DepartmentStaff",
            "--password", "initial-password-02", "--contact-email", "jiro.audit@city.example.jp");

        var (code, output, _) = await _host.RunVerbAsync("users", "find", "--contact-email", "JIRO.AUDIT@city.example.jp");

        Assert.Equal(0, code);
        Assert.Contains("audit02", output);
        var view = Assert.Single(await RecordsAsync("user.contact.viewed"));
        Assert.StartsWith("cli:", view.ActorName);
    }
}
