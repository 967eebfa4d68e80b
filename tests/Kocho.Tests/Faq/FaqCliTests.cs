using System.Text;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary><c>import faq FILE</c> and <c>export faq --out FILE --encoding shift_jis</c> on the command line.</summary>
[Trait("Category", "Integration")]
public sealed class FaqCliTests
{
    static FaqCliTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Header = "id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分\r\n";

    [Fact]
    public async Task Imported_entries_wait_for_approval_broken_files_save_nothing_and_the_export_is_Shift_JIS_on_request()
    {
        await using var host = await PortalHost.CreateAsync();
        var file = Path.Combine(host.DataPath, "faq-import.csv");
        await File.WriteAllTextAsync(file, Header + ",戸籍・住民票・印鑑登録,印鑑登録,印鑑登録証をなくしました。,戸籍住民課の窓口で廃止の届出をしてください。,0502,印鑑登録証、紛失,公開\r\n", new UTF8Encoding(true));
        // Relative: the host's command-line configuration would read an argument starting with "/" as a switch.
        file = Path.GetRelativePath(Environment.CurrentDirectory, file);
        var (code, output, error) = await host.RunVerbAsync("import", "faq", file);
        Assert.True(code == 0, error);
        Assert.Contains("新規 1 件", output);

        await File.WriteAllTextAsync(file, Header + ",,,正しい行,回答,0502,,公開\r\n,,,,回答,0502,,公開\r\n", new UTF8Encoding(true));
        (code, _, error) = await host.RunVerbAsync("import", "faq", file);
        Assert.Equal(1, code);
        Assert.Contains("3行目: 質問を入力してください。", error);

        var export = Path.Combine(host.DataPath, "faq.csv");
        (code, output, error) = await host.RunVerbAsync("export", "faq", "--out", export, "--encoding", "shift_jis");
        Assert.True(code == 0, error);
        Assert.Contains("FAQ 1 件", output);
        var text = Encoding.GetEncoding(932).GetString(await File.ReadAllBytesAsync(export));
        Assert.Equal(Header + "1,戸籍・住民票・印鑑登録,印鑑登録,印鑑登録証をなくしました。,戸籍住民課の窓口で廃止の届出をしてください。,0502,印鑑登録証、紛失,公開\r\n", text);

        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var version = await db.Versions.AsNoTracking().SingleAsync();
        Assert.Equal(FaqVersionStatus.Pending, version.Status);
        Assert.Equal(1, await db.Entries.CountAsync());
    }
}
