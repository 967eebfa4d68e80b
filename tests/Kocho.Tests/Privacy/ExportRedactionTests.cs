using System.Text;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Export;
using Kocho.Opinions.Intake;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>Issue #9 item 3: the opinions export without the personal-data columns masks the subject's personal data.</summary>
[Collection(PrivacySite.Collection)]
[Trait("Category", "Integration")]
public sealed class ExportRedactionTests(PrivacySite site)
{
    [Fact]
    public async Task The_export_without_personal_data_masks_the_senders_name_and_numbers_in_the_subject()
    {
        var result = await site.SubmitAsync(new IntakeRequest
        {
            Kind = CaseKind.Request, Subject = "大塚三郎（03-0000-4455）から駐輪場の要望", Body = "駐輪場を増やしてください。", Sender = SenderKind.Contact,
            Name = "大塚 三郎", Email = "saburo.otsuka@example.jp", WantsAnswer = true, AnswerMethod = AnswerMethod.Web, FormToken = Guid.NewGuid().ToString("N"),
        });

        Task<string> Export(bool personal) => site.InScopeAsync(async sp =>
        {
            using var stream = new MemoryStream();
            await sp.GetRequiredService<CaseExport>().WriteAsync(stream, new CaseExportOptions(null, null, null, personal, false));
            return Encoding.UTF8.GetString(stream.ToArray());
        });

        var plain = (await Export(personal: false)).Split('\n').Single(l => l.StartsWith(result.ReceiptNumber!, StringComparison.Ordinal));
        // The intake stores the subject NFKC-normalized, so the brackets are half-width there.
        Assert.Contains("〔氏名〕(〔電話番号〕)から駐輪場の要望", plain);
        Assert.DoesNotContain("大塚", plain);
        var full = (await Export(personal: true)).Split('\n').Single(l => l.StartsWith(result.ReceiptNumber!, StringComparison.Ordinal));
        Assert.Contains("大塚三郎(03-0000-4455)から駐輪場の要望", full);
    }

    [Fact]
    public async Task The_export_without_personal_data_masks_a_signed_in_residents_name_from_their_account()
    {
        var (resident, userId) = await site.RegisterResidentAsync("shiro.tomihisa@example.jp", "富久 四郎", "162-0067", "新宿区富久町8-1", "090-0000-6612");
        using var _ = resident;
        var result = await site.SubmitAsync(new IntakeRequest
        {
            Kind = CaseKind.Request, Subject = "富久四郎より公園の照明について", Body = "照明を増やしてください。", Sender = SenderKind.Resident, ResidentUserId = userId,
            WantsAnswer = true, AnswerMethod = AnswerMethod.Web, FormToken = Guid.NewGuid().ToString("N"),
        });

        var plain = await site.InScopeAsync(async sp =>
        {
            using var stream = new MemoryStream();
            await sp.GetRequiredService<CaseExport>().WriteAsync(stream, new CaseExportOptions(null, null, null, false, false));
            return Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Single(l => l.StartsWith(result.ReceiptNumber!, StringComparison.Ordinal));
        });
        Assert.Contains("〔氏名〕より公園の照明について", plain);
        Assert.DoesNotContain("富久", plain);
    }
}
