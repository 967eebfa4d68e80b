using System.Net.Http.Headers;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Faq.Csv;
using Kocho.Faq.Entries;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary>ＦＡＱデータのＣＳＶ出力 and import: UTF-8 with BOM and Shift_JIS round trips, audited exports, all-or-nothing imports with row numbers.</summary>
[Trait("Category", "Integration")]
[Collection(FaqHostFixture.Collection)]
public sealed class FaqCsvTests(FaqHostFixture fixture)
{
    static FaqCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] content, string encoding)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetStringAsync("/admin/faq/csv"))!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(encoding), "Encoding" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "faq.csv");
        return await client.Http.PostAsync("/admin/faq/csv?handler=Import", form);
    }

    private static async Task<byte[]> ExportAsync(PortalClient client, string encoding)
    {
        var token = PortalClient.AntiforgeryToken(await client.GetStringAsync("/admin/faq/csv"))!;
        var response = await client.Http.PostAsync("/admin/faq/csv?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Encoding"] = encoding, ["Filter.Q"] = "",
        }));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("shift_jis")]
    public async Task An_export_imported_again_changes_nothing(string encoding)
    {
        using var client = await fixture.StaffAsync("kocho.yamaguchi");
        var audited = await AuditCountAsync("faq.exported");
        var bytes = await ExportAsync(client, encoding);
        Assert.Equal(audited + 1, await AuditCountAsync("faq.exported"));
        string text;
        if (encoding == "utf-8")
        {
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        else
        {
            text = Encoding.GetEncoding(932).GetString(bytes);
        }
        Assert.StartsWith("id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分\r\n", text);
        Assert.Contains("住民票の写しはどこで取れますか。", text);
        var versions = await fixture.DbAsync(db => db.Versions.CountAsync());

        var response = await UploadAsync(client, bytes, encoding);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"faq-csv-message\"", html);
        Assert.Contains("新規 0 件、更新 0 件", html);
        Assert.Equal(versions, await fixture.DbAsync(db => db.Versions.CountAsync()));
    }

    [Fact]
    public async Task An_import_with_broken_rows_saves_nothing_and_names_each_row()
    {
        using var client = await fixture.StaffAsync("kocho.yamaguchi");
        var csv = "id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分\r\n"
            + ",税金,特別区民税・都民税（住民税）,住民税の納付書をなくしました。,\"税務課にご連絡ください。\r\n再発行します。\",0306,納付書、再発行,公開\r\n"
            + ",,,,回答だけ,0306,,公開\r\n"
            + ",存在しない分類,,質問,回答,0306,,公開\r\n"
            + ",,,質問,回答,9999,,公開\r\n"
            + ",,,質問,回答,0306,,非公開\r\n"
            + "abc,,,質問,回答,0306,,公開\r\n";
        var entries = await fixture.DbAsync(db => db.Entries.CountAsync());
        var response = await UploadAsync(client, new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "utf-8");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1件も保存していません", html);
        Assert.Contains("4行目: 質問を入力してください。", html);
        Assert.Contains("5行目: 大分類「存在しない分類」はありません。", html);
        Assert.Contains("6行目: 担当課コード 9999 はありません。", html);
        Assert.Contains("7行目: 公開区分は「公開」か「内部」にしてください。", html);
        Assert.Contains("8行目: idは空欄か正の整数にしてください。", html);
        Assert.DoesNotContain("2行目", html);
        Assert.Equal(entries, await fixture.DbAsync(db => db.Entries.CountAsync()));
    }

    [Fact]
    public void The_parser_reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var records = FaqCsvFormat.Parse("a,b\r\n\"x,1\",\"he said \"\"hi\"\"\r\nnext line\"\r\n,\r\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["x,1", "he said \"hi\"\r\nnext line"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
        Assert.Throws<FormatException>(() => FaqCsvFormat.Parse("a\r\n\"open"));
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.CountAsync(r => r.Action == action);
    }
}
