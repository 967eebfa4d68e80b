using System.Net;
using Kocho.Core.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Departments;

/// <summary>An administrator keeps the organisation tree through an April reorganisation.</summary>
[Trait("Category", "Integration")]
public sealed class DepartmentPagesTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> IdOfAsync(string code)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task The_tree_lists_divisions_with_their_sections()
    {
        using var client = await _host.SignedInStaffAsync();
        var html = await client.GetStringAsync("/admin/departments");
        Assert.Contains("data-testid=\"department-0103\"", html);
        Assert.Contains("広聴担当課", html);
        Assert.True(html.IndexOf("区長室", StringComparison.Ordinal) < html.IndexOf("広聴担当課", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_section_is_added_under_its_division()
    {
        using var client = await _host.SignedInStaffAsync();
        var division = await IdOfAsync("0100");
        var response = await client.PostFormAsync("/admin/departments/edit", new()
        {
            ["Input.Code"] = "0199", ["Input.Name"] = "デジタル推進課", ["Input.Level"] = "Section",
            ["Input.ParentId"] = division.ToString(), ["Input.Phone"] = "03-5273-0000", ["Input.ValidFrom"] = "2027-04-01",
        });
        Assert.Equal("/admin/departments", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("デジタル推進課", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_input_shows_Japanese_field_errors_and_saves_nothing()
    {
        using var client = await _host.SignedInStaffAsync();
        var section = await IdOfAsync("0103");
        var response = await client.PostFormAsync("/admin/departments/edit", new()
        {
            ["Input.Code"] = "0103", ["Input.Name"] = "", ["Input.Level"] = "Section", ["Input.ParentId"] = section.ToString(),
            ["Input.ValidFrom"] = "2027-04-01", ["Input.ValidTo"] = "2026-03-31",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("所属コード 0103 はすでに使われています。", html);
        Assert.Contains("所属名を入力してください。", html);
        Assert.Contains("上位所属は一つ上の階層（課なら部、係なら課）から選んでください。", html);
        Assert.Contains("廃止日は設置日より後にしてください。", html);

        await using var scope = _host.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Departments.CountAsync(d => d.Code == "0103"));
    }

    [Fact]
    public async Task A_merged_section_keeps_its_record_closes_and_names_its_successor()
    {
        using var client = await _host.SignedInStaffAsync();
        var merged = await IdOfAsync("0103");
        var successor = await IdOfAsync("0102");
        var division = await IdOfAsync("0100");
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "0103", ["Input.Name"] = "広聴担当課", ["Input.Level"] = "Section", ["Input.ParentId"] = division.ToString(),
            ["Input.SuccessorId"] = successor.ToString(),
        };
        var missingDate = await client.PostFormAsync($"/admin/departments/edit/{merged}", fields);
        Assert.Contains("統合先を選ぶときは廃止日も入力してください。", await missingDate.Content.ReadAsStringAsync());

        fields["Input.ValidTo"] = "2026-03-31";
        var saved = await client.PostFormAsync($"/admin/departments/edit/{merged}", fields);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"department-0103\" class=\"inactive\"", html);
        Assert.Equal(merged, await IdOfAsync("0103"));
    }

    [Fact]
    public async Task A_department_cannot_be_placed_under_its_own_unit()
    {
        using var client = await _host.SignedInStaffAsync();
        var section = await IdOfAsync("0502");
        var unit = await IdOfAsync("050201");
        var response = await client.PostFormAsync($"/admin/departments/edit/{section}", new()
        {
            ["Input.Code"] = "0502", ["Input.Name"] = "戸籍住民課", ["Input.Level"] = "Section", ["Input.ParentId"] = unit.ToString(),
        });
        Assert.Contains("上位所属は一つ上の階層", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Department_staff_cannot_manage_departments()
    {
        await _host.RunVerbAsync("users", "add", "--login", "clerk03", "--name", "新宿 三郎", "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        using var client = await _host.SignedInStaffAsync("clerk03", "clerk-password-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.PublicClient().GetAsync("/admin/departments")).StatusCode);
    }
}
