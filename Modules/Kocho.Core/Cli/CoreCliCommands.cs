using System.CommandLine;
using Kocho.Core.Data;
using Kocho.Core.Modules;
using Kocho.Core.Recipes;
using Kocho.Core.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Cli;

/// <summary>setup, recipe run, modules list|enable|disable.</summary>
public sealed class CoreCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        yield return Setup(runner);
        yield return Recipe(runner);
        yield return Modules(runner);
    }

    private static Command Setup(CliRunner runner)
    {
        var recipe = new Option<string?>("--recipe") { Description = "セットアップに使うレシピ名（既定: Kocho:Setup:Recipe または shinjuku）" };
        var password = new Option<string?>("--admin-password") { Description = "admin アカウントのパスワード（省略時は生成して表示）" };
        var command = new Command("setup", "空のサイトをレシピでセットアップし、admin アカウントを作成します") { recipe, password };
        command.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            // Like the start-up setup: one node at a time migrates and sets up (PostgreSQL advisory lock).
            await using var migrationLock = await MigrationLock.AcquireAsync(sp.GetRequiredService<DatabaseConnectionFactory>(), token);
            var configuration = sp.GetRequiredService<IConfiguration>();
            var result = await sp.GetRequiredService<SiteSetup>().SetupAsync(
                parse.GetValue(recipe) ?? configuration["Kocho:Setup:Recipe"] ?? "shinjuku",
                parse.GetValue(password) ?? configuration["Kocho:Setup:AdminPassword"],
                token);
            await runner.ReportSetupAsync(result);
            return 0;
        }, ct, ensureSetUp: false));
        return command;
    }

    private static Command Recipe(CliRunner runner)
    {
        var name = new Argument<string>("name") { Description = "レシピ名（recipes/NAME.recipe.json）またはファイルのパス" };
        var run = new Command("run", "レシピを1つのトランザクションで実行します") { name };
        run.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var recipe = await sp.GetRequiredService<RecipeExecutor>().RunAsync(parse.GetValue(name)!, token);
            await runner.Output.WriteLineAsync($"レシピ「{recipe.Name}」を実行しました（{recipe.Steps.Count} ステップ）。");
            return 0;
        }, ct));
        return new Command("recipe", "レシピ") { run };
    }

    private static Command Modules(CliRunner runner)
    {
        var list = new Command("list", "モジュールの一覧（ID、名称、有効）");
        list.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var enabled = sp.GetRequiredService<EnabledModules>();
            foreach (var module in sp.GetRequiredService<ModuleCatalog>().Modules)
            {
                await runner.Output.WriteLineAsync($"{module.Id}\t{module.Name}\t{(enabled.IsEnabled(module.Id) ? "enabled" : "disabled")}");
            }
            return 0;
        }, ct));

        var enableId = new Argument<string>("id") { Description = "モジュールID（例: Kocho.Faq）" };
        var enable = new Command("enable", "モジュールを有効にします（必要なモジュールも有効にします）") { enableId };
        enable.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var enabledNow = await sp.GetRequiredService<ModuleManager>().EnableAsync(parse.GetValue(enableId)!, token);
            await runner.Output.WriteLineAsync(enabledNow.Count == 0
                ? $"{parse.GetValue(enableId)} はすでに有効です。"
                : $"有効にしました: {string.Join(", ", enabledNow.Select(m => m.Id))}");
            return 0;
        }, ct));

        var disableId = new Argument<string>("id") { Description = "モジュールID" };
        var disable = new Command("disable", "モジュールを無効にします（データは残ります）") { disableId };
        disable.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            await sp.GetRequiredService<ModuleManager>().DisableAsync(parse.GetValue(disableId)!, token);
            await runner.Output.WriteLineAsync($"無効にしました: {parse.GetValue(disableId)}");
            return 0;
        }, ct));

        return new Command("modules", "モジュール（機能）の管理") { list, enable, disable };
    }
}
