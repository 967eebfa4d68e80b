using System.CommandLine;
using Kocho.Core.Cli;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Search;

/// <summary><c>index rebuild [NAME]</c>: empties an index (every index without a name) and fills it again from its module's source.</summary>
public sealed class SearchCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var name = new Argument<string?>("NAME") { Description = "索引の名前（例: faq）。省略するとすべての索引", Arity = ArgumentArity.ZeroOrOne };
        var rebuild = new Command("rebuild", "検索索引を作り直します（ポータルを停止して実行してください）") { name };
        rebuild.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var known = sp.GetServices<ISearchIndexSource>().Select(s => s.Index).Distinct().Order(StringComparer.Ordinal).ToList();
            var wanted = parse.GetValue(name);
            if (wanted is not null && !known.Contains(wanted))
            {
                throw new CliException(known.Count == 0
                    ? $"索引「{wanted}」はありません。索引を持つ機能が有効になっていません。"
                    : $"索引「{wanted}」はありません。あるのは {string.Join(", ", known)} です。");
            }
            var search = sp.GetRequiredService<LuceneSearchService>();
            foreach (var index in wanted is null ? known : [wanted])
            {
                int count;
                try
                {
                    count = await search.RebuildAsync(index, token);
                }
                catch (LockObtainFailedException)
                {
                    throw new CliException($"索引「{index}」は実行中のポータルが使っています。ポータルを停止してから実行してください（起動時に空の索引は自動で作り直されます）。");
                }
                await runner.Output.WriteLineAsync($"{index}: {count} 件を索引に登録しました。");
            }
            return 0;
        }, ct));
        return [new Command("index", "全文検索の索引") { rebuild }];
    }
}
