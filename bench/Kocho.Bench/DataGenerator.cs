using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Faq.Entries;
using Kocho.Faq.Legacy;
using Kocho.Faq.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.History;
using Kocho.Opinions.Legacy;
using Kocho.Opinions.Search;
using Kocho.Reports.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Bench;

/// <summary>
/// Ten years of a ward's cases and its FAQ, written through the application's own bulk paths (the legacy import APIs of
/// Opinions and FAQ: encrypted contacts, keyed hashes, forwardings, answers, history, categories), then the reports
/// roll-up rebuilt and every document indexed through the search change feed, as after a migration.
/// </summary>
public sealed class DataGenerator(BenchSite site, TextWriter log)
{
    private const int CasesPerTransaction = 20_000;
    private const string Marker = "bench-generated.json";

    public sealed record Generated(int Cases, int FaqEntries, int HistoryRows, double CasesSeconds, double RollUpSeconds, double IndexSeconds);

    public static Generated? Existing(BenchOptions options)
    {
        var path = Path.Combine(options.DataPath, Marker);
        return File.Exists(path) ? JsonSerializer.Deserialize<Generated>(File.ReadAllText(path)) : null;
    }

    public async Task<Generated> GenerateAsync(CancellationToken cancellationToken = default)
    {
        var options = site.Options;
        var random = new Random(20261202);
        var (sections, categories, leaves, calendar, answerDays, today) = await site.InScopeAsync(async sp =>
        {
            var core = sp.GetRequiredService<CoreDbContext>();
            var departments = await core.Departments.AsNoTracking().Where(d => d.Level == DepartmentLevel.Section && d.ValidTo == null).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
            var all = await core.Categories.AsNoTracking().ToListAsync(cancellationToken);
            var leafCategories = all.Where(c => c.ParentId != null).Select(c => c.Id).ToList();
            var calendars = sp.GetRequiredService<BusinessCalendarService>();
            return (departments.Select(d => d.Id).ToList(), all, leafCategories.Count > 0 ? leafCategories : all.Select(c => c.Id).ToList(),
                await calendars.LoadAsync(cancellationToken), await calendars.AnswerBusinessDaysAsync(cancellationToken), JapanTime.Today(sp.GetRequiredService<TimeProvider>()));
        });
        if (sections.Count == 0) throw new InvalidOperationException("The site has no 課 (the shinjuku recipe sets them up).");

        // Departments are not equally busy: a few sections (roads, waste, childcare, tax) take most of the cases.
        var sectionWeights = sections.Select((_, i) => 1.0 / (1 + i % 17)).ToArray();

        var watch = Stopwatch.StartNew();
        await WriteFaqAsync(random, sections, leaves, today, cancellationToken);
        log.WriteLine($"  FAQ: {options.FaqEntries} entries in {watch.Elapsed.TotalSeconds:F0} s");

        var first = today.AddYears(-10);
        var span = today.DayNumber - first.DayNumber;
        var sequences = new Dictionary<int, int>();
        var historyRows = 0;
        watch.Restart();
        for (var start = 0; start < options.Cases; start += CasesPerTransaction)
        {
            var count = Math.Min(CasesPerTransaction, options.Cases - start);
            var cases = new List<LegacyCase>(count);
            var history = new List<LegacyHistory>(count * 3);
            for (var i = start; i < start + count; i++)
            {
                var received = DateOnly.FromDayNumber(first.DayNumber + (int)((long)i * span / options.Cases));
                var year = ReceiptNumbers.FiscalYearOf(received);
                var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var item = Case(random, i, received, year, sequence, today, sections, sectionWeights, leaves, calendar, answerDays);
                cases.Add(item);
                AddHistory(history, random, item);
            }
            historyRows += history.Count;
            await site.InScopeAsync(async sp =>
            {
                var import = sp.GetRequiredService<LegacyCaseImport>();
                await sp.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct =>
                {
                    await import.AddCasesAsync(cases, DateTime.UtcNow, null, ct);
                    var ids = await import.CaseIdsAsync(cases.Select(c => c.ReceiptNumber).ToList(), ct);
                    await import.AddHistoryAsync(history, ids, null, ct);
                }, cancellationToken);
                return 0;
            });
            var done = start + count;
            log.WriteLine($"  cases: {done:N0}/{options.Cases:N0} ({done / watch.Elapsed.TotalSeconds:N0}/s)");
        }
        var casesSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var facts = await site.InScopeAsync(sp => sp.GetRequiredService<CaseFactWriter>().RebuildAsync(null, cancellationToken));
        var rollUpSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"  reports roll-up: {facts:N0} cases in {rollUpSeconds:F0} s");

        watch.Restart();
        await IndexAsync(FaqSearchDocuments.Index, cancellationToken);
        await IndexAsync(CaseIndex.Name, cancellationToken);
        var indexSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"  search change feed: {indexSeconds:F0} s");

        var generated = new Generated(options.Cases, options.FaqEntries, historyRows, casesSeconds, rollUpSeconds, indexSeconds);
        await File.WriteAllTextAsync(Path.Combine(options.DataPath, Marker), JsonSerializer.Serialize(generated), cancellationToken);
        return generated;
    }

    /// <summary>Waits until this node's follower has applied the change feed (the index sizes stop changing), so no indexing runs under a measurement.</summary>
    public static async Task WaitForIndexAsync(BenchSite site, TextWriter log)
    {
        if (site.Service<ISearchService>() is not LuceneSearchService lucene) return;
        var watch = Stopwatch.StartNew();
        var last = (-1, -1);
        var stable = 0;
        while (stable < 3 && watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            var now = (lucene.Count(FaqSearchDocuments.Index), lucene.Count(CaseIndex.Name));
            stable = now == last && now.Item1 > 0 ? stable + 1 : 0;
            last = now;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        log.WriteLine($"  search index: {last.Item1:N0} FAQ and {last.Item2:N0} case documents (waited {watch.Elapsed.TotalSeconds:F0} s)");
    }

    private async Task WriteFaqAsync(Random random, List<Guid> sections, List<Guid> leaves, DateOnly today, CancellationToken cancellationToken)
    {
        var entries = new List<LegacyFaq>();
        for (var i = 0; i < site.Options.FaqEntries; i++)
        {
            var topic = Topics[i % Topics.Length];
            var registered = today.AddDays(-random.Next(30, 3650));
            entries.Add(new LegacyFaq
            {
                Number = 100_001 + i,
                Question = $"{topic.Subject}について教えてください（{Places[i / Topics.Length % Places.Length]}、{i / Topics.Length / Places.Length + 1}）",
                Answer = $"{topic.Answer} {Places[random.Next(Places.Length)]}の窓口でも受け付けています。詳しくは担当課（FAQ番号 {100_001 + i}）へお問い合わせください。",
                OwnerDepartmentId = sections[i % sections.Count],
                CategoryId = leaves[i % leaves.Count],
                Visibility = i % 10 == 9 ? FaqVisibility.Internal : FaqVisibility.Public,
                Published = i % 20 != 19,
                RegisteredOn = registered,
                UpdatedOn = registered.AddDays(random.Next(0, 30)),
                ViewCount = random.Next(0, 5000),
            });
        }
        await site.InScopeAsync(async sp =>
        {
            var import = sp.GetRequiredService<LegacyFaqImport>();
            await sp.GetRequiredService<UnitOfWork>().ExecuteAsync(ct => import.AddAsync(entries, null, ct), cancellationToken);
            return 0;
        });
    }

    private static LegacyCase Case(Random random, int i, DateOnly received, int year, int sequence, DateOnly today, List<Guid> sections,
        double[] sectionWeights, List<Guid> leaves, BusinessCalendar calendar, int answerDays)
    {
        var age = today.DayNumber - received.DayNumber;
        var channel = Pick(random, Channels);
        var kind = Pick(random, Kinds);
        // Old cases are settled; the last two months hold the open work.
        var status = age > 60 ? Pick(random, SettledStatuses) : Pick(random, RecentStatuses);
        var lead = status == CaseStatus.Received ? (Guid?)null : sections[PickIndex(random, sectionWeights)];
        var related = lead is not null && random.NextDouble() < 0.1 ? [sections[random.Next(sections.Count)]] : Array.Empty<Guid>();
        var anonymous = random.NextDouble() < 0.15;
        var topic = Topics[random.Next(Topics.Length)];
        var place = Places[random.Next(Places.Length)];
        var answered = status is CaseStatus.Answered or CaseStatus.Completed;
        var due = calendar.AddBusinessDays(received, answerDays);
        var answeredOn = answered ? DateOnly.FromDayNumber(Math.Min(today.DayNumber, received.DayNumber + 3 + random.Next(25))) : (DateOnly?)null;
        return new LegacyCase
        {
            ReceiptNumber = ReceiptNumbers.Format(year, sequence), FiscalYear = year, Sequence = sequence, ReceivedOn = received,
            Channel = channel, Kind = kind,
            Subject = $"{place}の{topic.Subject}について",
            Body = $"{place}に住んでいます。{topic.Body}（{i}）",
            Anonymous = anonymous,
            Name = anonymous ? null : $"{FamilyNames[random.Next(FamilyNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}",
            PostalCode = anonymous ? null : $"16{random.Next(0, 10)}-{random.Next(0, 10000):D4}",
            Address = anonymous ? null : $"東京都新宿区{place}{random.Next(1, 8)}-{random.Next(1, 30)}-{random.Next(1, 20)}",
            Phone = anonymous || random.NextDouble() < 0.3 ? null : $"03-{random.Next(3000, 6000)}-{random.Next(0, 10000):D4}",
            Email = anonymous || channel is not (Channel.WebForm or Channel.Email) ? null : $"resident{i}@example.jp",
            LeadDepartmentId = lead,
            RelatedDepartmentIds = related,
            CategoryIds = [leaves[random.Next(leaves.Count)]],
            Status = status,
            AnswerDue = due,
            AnsweredOn = answeredOn,
            AnswerText = answered ? $"ご意見ありがとうございます。{topic.Answer}" : null,
        };
    }

    private static void AddHistory(List<LegacyHistory> history, Random random, LegacyCase item)
    {
        var at = JapanTime.StartOfDayUtc(item.ReceivedOn).AddHours(9);
        history.Add(new LegacyHistory(item.ReceiptNumber, at, null, HistoryAction.Received, "受付しました。", "広聴担当"));
        if (item.LeadDepartmentId is not { } lead) return;
        history.Add(new LegacyHistory(item.ReceiptNumber, at.AddHours(2), lead, HistoryAction.Forwarded, "主管課へ転送しました。", "広聴担当"));
        if (item.Status is CaseStatus.Forwarded) return;
        history.Add(new LegacyHistory(item.ReceiptNumber, at.AddDays(1 + random.Next(3)), lead, HistoryAction.HandlingRecorded, "現地を確認しました。", "担当者"));
    }

    private async Task IndexAsync(string index, CancellationToken cancellationToken)
    {
        await site.InScopeAsync(async sp =>
        {
            var source = sp.GetServices<ISearchIndexSource>().First(s => s.Index == index);
            var search = sp.GetRequiredService<ISearchService>();
            var batch = new List<SearchDocument>(2000);
            await foreach (var document in source.ReadAllAsync(cancellationToken))
            {
                batch.Add(document);
                if (batch.Count < 2000) continue;
                await search.IndexAsync(index, batch, cancellationToken);
                batch = new List<SearchDocument>(2000);
            }
            if (batch.Count > 0) await search.IndexAsync(index, batch, cancellationToken);
            return 0;
        });
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] weighted)
    {
        var r = random.NextDouble() * weighted.Sum(w => w.Weight);
        foreach (var (value, weight) in weighted)
        {
            if ((r -= weight) < 0) return value;
        }
        return weighted[^1].Value;
    }

    private static int PickIndex(Random random, double[] weights)
    {
        var r = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((r -= weights[i]) < 0) return i;
        }
        return weights.Length - 1;
    }

    private static readonly (Channel, double)[] Channels =
    [
        (Channel.WebForm, 30), (Channel.Email, 18), (Channel.CallCenter, 15), (Channel.Phone, 12), (Channel.Letter, 8),
        (Channel.MayorPostcard, 5), (Channel.Visit, 6), (Channel.Fax, 3), (Channel.Open311, 3),
    ];

    private static readonly (CaseKind, double)[] Kinds =
    [
        (CaseKind.Opinion, 28), (CaseKind.Request, 27), (CaseKind.Inquiry, 30), (CaseKind.Complaint, 10), (CaseKind.Proposal, 3), (CaseKind.Other, 2),
    ];

    private static readonly (CaseStatus, double)[] SettledStatuses =
    [
        (CaseStatus.Completed, 62), (CaseStatus.Answered, 22), (CaseStatus.NoAnswerNeeded, 15), (CaseStatus.InProgress, 1),
    ];

    private static readonly (CaseStatus, double)[] RecentStatuses =
    [
        (CaseStatus.Received, 10), (CaseStatus.Forwarded, 20), (CaseStatus.InProgress, 25), (CaseStatus.Answered, 20),
        (CaseStatus.Completed, 15), (CaseStatus.NoAnswerNeeded, 10),
    ];

    public static readonly string[] Places = ["西新宿", "歌舞伎町", "高田馬場", "神楽坂", "四谷", "大久保", "落合", "早稲田", "信濃町", "戸山"];
    private static readonly string[] FamilyNames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "髙橋", "山﨑"];
    private static readonly string[] GivenNames = ["花子", "太郎", "一郎", "美咲", "大輔", "陽子", "翔太", "恵子", "健", "さくら"];

    /// <summary>What residents write about; the FAQ answers the same questions, so searches find both.</summary>
    public static readonly (string Subject, string Body, string Answer)[] Topics =
    [
        ("粗大ごみの出し方", "粗大ごみの申込み方法が分かりにくいです。", "粗大ごみは粗大ごみ受付センターへ電話かインターネットでお申し込みください。"),
        ("資源ごみの収集日", "資源ごみの収集日が変わったのを知りませんでした。", "資源ごみの収集日は地域ごとに決まっています。ごみ・資源の分け方・出し方をご覧ください。"),
        ("保育園の入園申込み", "保育園の入園申込みの締切を教えてください。", "保育園の入園申込みは毎月10日が締切です。保育課へ書類を提出してください。"),
        ("学童クラブの利用", "学童クラブの定員が足りません。", "学童クラブの利用申請は子ども家庭課で受け付けています。"),
        ("放置自転車", "駅前に放置自転車が多く、歩けません。", "放置自転車は定期的に撤去しています。駐輪場をご利用ください。"),
        ("道路の陥没", "道路に穴が開いていて危険です。", "道路の補修は道路課が担当します。場所をお知らせください。"),
        ("公園の遊具", "公園の遊具が壊れています。", "公園の遊具の点検と修理はみどり公園課が行っています。"),
        ("住民票の写し", "住民票の写しをコンビニで取りたいです。", "住民票の写しはマイナンバーカードでコンビニでも取得できます。"),
        ("マイナンバーカードの更新", "マイナンバーカードの電子証明書の更新方法を知りたい。", "電子証明書の更新は戸籍住民課の窓口で手続きできます。"),
        ("国民健康保険料", "国民健康保険料の支払い方法を変えたい。", "国民健康保険料は口座振替やスマートフォン決済で納付できます。"),
        ("特別区民税の納付", "特別区民税の納付書を紛失しました。", "納付書の再発行は税務課へご連絡ください。"),
        ("騒音", "夜間の工事の騒音がひどいです。", "工事の騒音については環境対策課が事業者に指導します。"),
        ("路上喫煙", "路上喫煙をしている人が多いです。", "新宿区では路上喫煙を禁止しています。巡回指導を行っています。"),
        ("高齢者の見守り", "一人暮らしの母の見守りをお願いしたい。", "高齢者の見守りは高齢者総合相談センターにご相談ください。"),
        ("介護保険の申請", "介護保険の要介護認定の申請方法を教えてください。", "要介護認定の申請は介護保険課で受け付けています。"),
        ("図書館の開館時間", "図書館の開館時間を延ばしてほしい。", "区立図書館の開館時間は図書館ごとに異なります。"),
        ("区民センターの予約", "区民センターの会議室の予約が取れません。", "区民センターの施設予約は施設予約システムからお申し込みください。"),
        ("防災訓練", "地域の防災訓練の日程を知りたい。", "防災訓練は各地域の防災区民組織が実施しています。危機管理課へお問い合わせください。"),
        ("ハザードマップ", "洪水ハザードマップはどこで手に入りますか。", "ハザードマップは区のホームページと特別出張所で配布しています。"),
        ("街路灯の故障", "街路灯が切れていて夜道が暗いです。", "街路灯の修理は道路課へご連絡ください。"),
        ("児童手当", "児童手当の振込日を教えてください。", "児童手当は年6回、偶数月に振り込みます。"),
        ("犬の登録", "犬の登録と狂犬病予防注射について。", "犬の登録は保健所衛生課で受け付けています。"),
        ("空き家", "近所の空き家が荒れていて心配です。", "空き家の相談は住宅課で受け付けています。"),
        ("区営住宅の募集", "区営住宅の募集はいつですか。", "区営住宅の募集は年2回行っています。"),
        ("健康診断", "区の健康診断を受けたい。", "特定健康診査の受診券は対象の方に送付しています。"),
        ("予防接種", "子どもの予防接種の予約方法を知りたい。", "予防接種は区内の指定医療機関で予約してください。"),
        ("窓口の対応", "窓口の職員の対応が丁寧でした。", "お褒めの言葉をありがとうございます。職員に伝えました。"),
        ("窓口の待ち時間", "戸籍住民課の窓口の待ち時間が長すぎます。", "混雑状況は区のホームページでお知らせしています。"),
        ("選挙の投票所", "期日前投票の投票所を教えてください。", "期日前投票所は区役所本庁舎と特別出張所に設けています。"),
        ("ごみの不法投棄", "集積所に不法投棄が続いています。", "不法投棄は清掃事務所が調査し、警告の貼り紙をします。"),
    ];
}
