using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Recipes;

/// <summary>Recipes run step by step in one transaction; a failing step changes nothing and names itself.</summary>
[Trait("Category", "Integration")]
public sealed class RecipeTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_Shinjuku_recipe_set_up_departments_roles_and_categories()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var koucho = await db.Departments.SingleAsync(d => d.Name == "広聴担当課");
        Assert.Equal(DepartmentLevel.Section, koucho.Level);
        var parent = await db.Departments.SingleAsync(d => d.Id == koucho.ParentId);
        Assert.Equal("区長室", parent.Name);
        Assert.Equal(DepartmentLevel.Division, parent.Level);
        Assert.True(await db.Departments.CountAsync(d => d.Level == DepartmentLevel.Section) >= 50);
        Assert.True(await db.Categories.CountAsync(c => c.ParentId == null) >= 10);

        using var client = await _host.SignedInStaffAsync();
        var users = await client.GetStringAsync("/admin/users");
        foreach (var role in new[] { "システム管理者", "広聴担当課", "コールセンター", "所管課職員", "上位者（課長）" })
        {
            Assert.Contains(role, users);
        }
    }

    [Fact]
    public async Task A_failing_step_rolls_the_whole_recipe_back_and_names_the_step()
    {
        var path = Path.Combine(_host.DataPath, "broken.recipe.json");
        await File.WriteAllTextAsync(path, """
            {
              // the first step is fine, the second refers to a department that does not exist
              "name": "broken",
              "steps": [
                { "name": "departments", "departments": [ { "code": "9900", "name": "臨時対策本部", "level": "部" } ] },
                { "name": "users", "users": [ { "login": "temp01", "name": "臨時 職員", "department": "NOPE", "roles": [], "password": "temporary-pass-2026" } ] }
              ]
            }
            """);

        var (code, _, error) = await _host.RunVerbAsync("recipe", "run", path);

        Assert.Equal(1, code);
        Assert.Equal("レシピ「broken」のステップ 2（users）で失敗しました: ユーザ「temp01」: 所属コード NOPE は登録されていません。", error.Trim());
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.False(await db.Departments.AnyAsync(d => d.Code == "9900"));
    }

    [Fact]
    public async Task A_step_no_enabled_module_handles_is_refused()
    {
        var path = Path.Combine(_host.DataPath, "unknown.recipe.json");
        await File.WriteAllTextAsync(path, """{ "name": "unknown", "steps": [ { "name": "weather" } ] }""");

        var (code, _, error) = await _host.RunVerbAsync("recipe", "run", path);

        Assert.Equal(1, code);
        Assert.Contains("ステップ 1（weather）", error);
        Assert.Contains("ステップ「weather」を実行できるモジュールが有効になっていません。", error);
    }

    [Fact]
    public async Task Running_a_recipe_again_updates_instead_of_duplicating()
    {
        var (code, output, error) = await _host.RunVerbAsync("recipe", "run", "shinjuku");
        Assert.True(code == 0, error);
        Assert.Contains("レシピ「shinjuku」を実行しました", output);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Name == "広聴担当課"));
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_line()
    {
        var path = Path.Combine(_host.DataPath, "bad.recipe.json");
        await File.WriteAllTextAsync(path, "{\n  \"name\": \"bad\",\n  \"steps\": [ { \"name\": \"settings\" ]\n}");

        var (code, _, error) = await _host.RunVerbAsync("recipe", "run", path);

        Assert.Equal(1, code);
        Assert.StartsWith("レシピ bad.recipe.json の JSON が正しくありません（3 行目）", error.Trim());
    }
}
