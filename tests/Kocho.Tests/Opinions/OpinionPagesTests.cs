using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kocho.Core.Audit;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Intake;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// The opinion pages over HTTP: the public form (confirmation, double submit, honeypot, bad input), department
/// isolation on every case URL, the audited view of a sender's details, and personal data encrypted at rest.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class OpinionPagesTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    [GeneratedRegex("name=\"Input.FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("data-testid=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    private static Dictionary<string, string> Form(string token, string subject, string body = "公園のベンチが壊れています。修理をお願いします。") => new()
    {
        ["Input.FormToken"] = token,
        ["Input.Route"] = "mayor",
        ["Input.Kind"] = "Request",
        ["Input.Subject"] = subject,
        ["Input.Body"] = body,
        ["Input.WantsAnswer"] = "true",
        ["Input.AnswerMethod"] = "Web",
        ["Input.Name"] = "新宿 花子",
        ["Input.Email"] = "hanako.form@example.jp",
        ["Input.PostalCode"] = "",
        ["Input.Address"] = "",
        ["Input.Phone"] = "",
        ["Input.Website"] = "",
    };

    private Task<int> CasesWithSubjectAsync(string subject) =>
        site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Subject == subject));

    [Fact]
    public async Task A_guest_confirms_sends_once_and_a_second_send_of_the_same_form_makes_no_second_case()
    {
        using var client = site.Host.PublicClient();
        var page = await client.GetStringAsync("/opinions/new");
        Assert.Contains("data-testid=\"purpose\"", page);
        Assert.Contains("<div data-faq-suggest=\"Input_Subject Input_Body\"></div>", page);
        Assert.Contains("id=\"Input_Subject\"", page);
        Assert.Contains("id=\"Input_Body\"", page);
        var token = FormToken().Match(page).Groups[1].Value;

        var confirm = await client.PostFormAsync("/opinions/new", Form(token, "ベンチの修理"), handler: "Confirm");
        var confirmPage = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"opinion-confirm\"", confirmPage);
        Assert.Equal(0, await CasesWithSubjectAsync("ベンチの修理"));

        var sent = await (await client.PostFormAsync("/opinions/new", Form(token, "ベンチの修理"), handler: "Send")).Content.ReadAsStringAsync();
        var receipt = ReceiptNumber().Match(sent).Groups[1].Value;
        Assert.Matches(@"^\d{4}-\d{6}$", receipt);
        Assert.Contains("data-testid=\"access-code\"", sent);

        var again = await (await client.PostFormAsync("/opinions/new", Form(token, "ベンチの修理"), handler: "Send")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"opinion-repeated\"", again);
        Assert.Equal(receipt, ReceiptNumber().Match(again).Groups[1].Value);
        Assert.DoesNotContain("data-testid=\"access-code\"", again);
        Assert.Equal(1, await CasesWithSubjectAsync("ベンチの修理"));
    }

    [Fact]
    public async Task Bad_input_gets_Japanese_messages_and_nothing_is_saved()
    {
        using var client = site.Host.PublicClient();
        var token = FormToken().Match(await client.GetStringAsync("/opinions/new")).Groups[1].Value;
        var fields = Form(token, "", new string('あ', 10_001));
        fields["Input.PostalCode"] = "１６０－８４８";
        fields["Input.Phone"] = "03-12-34";
        fields["Input.Email"] = "hanako at example";
        fields["Input.AnswerMethod"] = "Letter";
        var response = await client.PostFormAsync("/opinions/new", fields, handler: "Send");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("件名を入力してください。", html);
        Assert.Contains("内容は10,000文字以内で入力してください（現在10,001文字）。", html);
        Assert.Contains("郵便番号は「〒160-8484」のように7桁の数字で入力してください。", html);
        Assert.Contains("電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフン可）。", html);
        Assert.Contains("メールアドレスの形式が正しくありません（例: taro@example.jp）。", html);
        Assert.Contains("郵送での回答には住所が必要です。", html);
        Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.FormToken == token)));

        // Full-width postal code and phone are folded and accepted.
        var good = Form(token, "全角の郵便番号");
        good["Input.PostalCode"] = "〒１６０－８４８４";
        good["Input.Phone"] = "０３－５２７３－４０６５";
        good["Input.Address"] = "新宿区歌舞伎町1-4-1";
        good["Input.AnswerMethod"] = "Letter";
        var ok = await (await client.PostFormAsync("/opinions/new", good, handler: "Send")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"receipt-number\"", ok);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.SingleAsync(c => c.FormToken == token));
        Assert.Equal("1608484", stored.ContactPostalCode);

        // A filled honeypot saves nothing.
        var botToken = FormToken().Match(await client.GetStringAsync("/opinions/new")).Groups[1].Value;
        var bot = Form(botToken, "ボットの投稿");
        bot["Input.Website"] = "http://spam.example";
        var botPage = WebUtility.HtmlDecode(await (await client.PostFormAsync("/opinions/new", bot, handler: "Send")).Content.ReadAsStringAsync());
        Assert.Contains("送信できませんでした。", botPage);
        Assert.Equal(0, await CasesWithSubjectAsync("ボットの投稿"));
    }

    [Fact]
    public async Task Staff_entry_refuses_a_file_that_is_no_image_or_PDF_and_keeps_a_real_scan_encrypted()
    {
        using var client = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        async Task<HttpResponseMessage> PostAsync(string subject, string fileName, byte[] content)
        {
            var token = PortalClient.AntiforgeryToken(await client.GetStringAsync("/admin/opinions/new"))!;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Letter"), "Input.Channel" },
                { new StringContent("Opinion"), "Input.Kind" },
                { new StringContent(subject), "Input.Subject" },
                { new StringContent("投書の本文です。"), "Input.Body" },
                { new StringContent("true"), "Input.Anonymous" },
                { new ByteArrayContent(content), "Files", fileName },
            };
            return await client.Http.PostAsync("/admin/opinions/new", form);
        }

        var fake = await PostAsync("偽の画像", "scan.jpg", Encoding.UTF8.GetBytes("MZ this is an executable"));
        Assert.Contains("添付ファイル「scan.jpg」は画像（JPEG・PNG・GIF・TIFF・WebP）またはPDFではありません。", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CasesWithSubjectAsync("偽の画像"));

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% scan of a letter from Hanako\n%%EOF\n");
        var saved = await PostAsync("投書のスキャン", "letter.pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Matches(@"/admin/opinions/[0-9a-f-]{36}$", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await saved.Content.ReadAsStringAsync();
        var link = Regex.Match(page, "href=\"(/admin/opinions/[0-9a-f-]+/attachments/[0-9a-f-]+)\"").Groups[1].Value;
        var download = await client.GetAsync(link);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var stored = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpinionsDbContext>();
            var caseId = (await db.Cases.SingleAsync(c => c.Subject == "投書のスキャン")).Id;
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var command = conn.CreateCommand();
            command.CommandText = "SELECT \"Content\" FROM opinion_attachments";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.DoesNotContain(Convert.ToBase64String(pdf), stored);
    }

    [Fact]
    public async Task Another_departments_case_is_404_on_every_case_url_and_the_own_departments_view_is_audited()
    {
        var section = await site.SectionAsync();
        var koseki = await site.DepartmentAsync("0502");
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Letter, Subject = "住民票の写しについて", Body = "郵送請求の方法を知りたい。", Sender = SenderKind.Contact,
            Name = "戸籍 太郎", PostalCode = "160-0022", Address = "新宿区新宿1-1-1", AnswerMethod = AnswerMethod.Letter,
            Attachments = [new AttachmentUpload("scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])],
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(koseki, [])));
        var (attachmentId, forwardingId) = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpinionsDbContext>();
            return ((await db.Attachments.SingleAsync(a => a.CaseId == result.CaseId)).Id, (await db.Forwardings.SingleAsync(f => f.CaseId == result.CaseId)).Id);
        });
        var id = result.CaseId;

        using (var other = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword))
        {
            foreach (var url in new[] { $"/admin/opinions/{id}", $"/admin/opinions/{id}/letter", $"/admin/opinions/{id}/attachments/{attachmentId}", $"/admin/opinions/{Guid.NewGuid()}" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            }
            var token = PortalClient.AntiforgeryToken(await other.GetStringAsync("/admin/opinions"))!;
            foreach (var handler in new[] { "Draft", "Handling", "Submit", "Approve", "ReturnAnswer", "Send", "Close", "Entry", "Forward", "ReturnForwarding" })
            {
                var post = await other.Http.PostAsync($"/admin/opinions/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Text"] = "不正な操作", ["Comment"] = "不正な操作", ["ForwardingId"] = forwardingId.ToString(),
                    ["LeadDepartmentId"] = (await site.DepartmentAsync("1102")).ToString(), ["EntryAction"] = "Memo",
                }));
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{handler}: {(int)post.StatusCode}");
            }
            var list = await other.GetStringAsync("/admin/opinions?receipt=" + result.ReceiptNumber);
            Assert.DoesNotContain($"data-testid=\"case-{result.ReceiptNumber}\"", list);
        }
        // Nothing of the attempts changed the case.
        var history = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().History.CountAsync(h => h.CaseId == id));
        Assert.Equal(2, history);

        using var own = await site.Host.SignedInStaffAsync("koseki.nakamura", PortalHost.DemoPassword);
        var viewsBefore = await ViewsOfAsync(id);
        var detail = await own.GetStringAsync($"/admin/opinions/{id}");
        Assert.Contains("data-testid=\"contact-name\">戸籍 太郎<", detail);
        Assert.Equal(viewsBefore + 1, await ViewsOfAsync(id));
        var listed = await own.GetStringAsync("/admin/opinions");
        Assert.Contains($"data-testid=\"case-{result.ReceiptNumber}\"", listed);
        // Department staff cannot print the letter (the section sends), but the case is theirs: 403, not 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/admin/opinions/{id}/letter")).StatusCode);
    }

    [Fact]
    public async Task Contact_details_and_the_text_are_not_stored_in_clear()
    {
        const string name = "秘密 花子";
        const string email = "himitsu.hanako@example.jp";
        const string phone = "090-8765-4321";
        const string body = "本文にも個人的な事情が書かれています";
        var section = await site.SectionAsync();
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Email, Subject = "暗号化の確認", Body = body, Sender = SenderKind.Contact,
            Name = name, Email = email, Phone = phone, AnswerMethod = AnswerMethod.Email,
        }));
        Assert.True(result.Succeeded);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == result.CaseId));
        Assert.Equal(name, stored.ContactName);
        Assert.Equal(body, stored.Body);

        var plaintexts = new[] { name, email, phone, "09087654321", body };
        if (TestEnvironment.IsPostgres)
        {
            await site.InScopeAsync(async sp =>
            {
                var conn = sp.GetRequiredService<OpinionsDbContext>().Database.GetDbConnection();
                await conn.OpenAsync();
                foreach (var table in new[] { "opinion_cases", "opinion_history", "opinion_attachments", "opinion_answers" })
                    foreach (var text in plaintexts)
                    {
                        await using var command = conn.CreateCommand();
                        command.CommandText = $"SELECT COUNT(*) FROM {table} t WHERE strpos(t::text, @text) > 0";
                        var p = command.CreateParameter(); p.ParameterName = "text"; p.Value = text; command.Parameters.Add(p);
                        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync()) == 0, $"{text} in {table}");
                    }
            });
            return;
        }
        var database = Path.Combine(site.Host.DataPath, "kocho.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        var bytes = new[] { database, database + "-wal" }.Where(File.Exists).SelectMany(ReadShared).ToArray();
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("暗号化の確認")), "the subject (not personal data) should be readable in the file");
        foreach (var text in plaintexts)
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(text)), $"UTF-8 \"{text}\" found in the database file");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(text)), $"UTF-16 \"{text}\" found in the database file");
        }
    }

    [Fact]
    public async Task The_section_prints_an_A4_answer_letter_with_the_address_block()
    {
        var section = await site.SectionAsync();
        var roads = await site.DepartmentAsync("1002");
        var staff = await site.ActorAsync(Kocho.Core.Security.StandardRoles.DepartmentStaff, "1002");
        var approver = await site.ActorAsync(Kocho.Core.Security.StandardRoles.Approver, "1002");
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.MayorPostcard, Subject = "街路樹の剪定", Body = "枝が信号を隠しています。", Sender = SenderKind.Contact,
            Name = "落合 次郎", PostalCode = "161-0033", Address = "新宿区下落合1-2-3", AnswerMethod = AnswerMethod.Letter, DepartmentId = roads,
        }));
        await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Opinions.Handling.HandlingService>().SaveDraftAsync(staff, result.CaseId, Kocho.Opinions.Handling.HandlingKind.Action, "今月中に剪定します。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Opinions.Handling.HandlingService>().SubmitForApprovalAsync(staff, result.CaseId));
        await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Opinions.Handling.HandlingService>().ApproveAsync(approver, result.CaseId));

        using var client = await site.Host.SignedInStaffAsync("kocho.ishikawa", PortalHost.DemoPassword);
        var casePage = await client.GetStringAsync($"/admin/opinions/{result.CaseId}");
        Assert.Contains($"href=\"/admin/opinions/{result.CaseId}/letter\"", casePage);
        var views = await ViewsOfAsync(result.CaseId);
        var letter = await client.GetStringAsync($"/admin/opinions/{result.CaseId}/letter");
        Assert.Contains("〒161-0033", letter);
        Assert.Contains("新宿区下落合1-2-3", letter);
        Assert.Contains("落合 次郎 様", letter);
        Assert.Contains("今月中に剪定します。", letter);
        Assert.Contains(result.ReceiptNumber!, letter);
        Assert.Contains("href=\"/assets/Kocho.Opinions/letter.css\"", letter);
        Assert.Equal(views + 1, await ViewsOfAsync(result.CaseId));
        var css = await client.GetStringAsync("/assets/Kocho.Opinions/letter.css");
        Assert.Contains("size: A4", css);
        Assert.Contains("@media print", css);
    }

    private Task<int> ViewsOfAsync(Guid caseId) => site.InScopeAsync(async sp =>
        (await sp.GetRequiredService<AuditSearch>().SearchAsync(new AuditSearchFilter(EntityType: "OpinionCase", EntityId: caseId.ToString(), Action: "opinion.personal.viewed"), 1)).Records.Count);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
