using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;
using Kocho.Opinions.History;

namespace Kocho.Migration.Import;

/// <summary>The four files of one legacy export after validation: the valid rows, typed, and a report per file.</summary>
public sealed class LegacyExport
{
    public const string DepartmentsFile = "SHOZOKU.csv";
    public const string FaqFile = "FAQ.csv";
    public const string CasesFile = "IKEN.csv";
    public const string HistoryFile = "RIREKI.csv";

    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        [DepartmentsFile] = ["所属コード", "所属名", "上位所属コード", "廃止日"],
        [FaqFile] = ["FAQ番号", "大分類", "中分類", "質問", "回答", "担当課コード", "担当課名", "公開区分", "登録日", "更新日", "閲覧数"],
        [CasesFile] = ["受付番号", "受付日", "受付媒体", "種別", "件名", "内容", "匿名", "氏名", "郵便番号", "住所", "電話番号", "FAX番号", "メールアドレス", "主管課コード", "関係課コード", "状態", "回答日", "回答内容"],
        [HistoryFile] = ["受付番号", "処理日時", "所属コード", "処理区分", "内容", "担当者名"],
    };

    public static readonly string[] Files = [DepartmentsFile, FaqFile, CasesFile, HistoryFile];

    public sealed record Reject(string File, int Line, string Reason, IReadOnlyList<string> Fields);

    public sealed class FileReport(string file)
    {
        public string File { get; } = file;
        public int RowsRead { get; set; }
        public List<Reject> Rejects { get; } = [];
        public int Valid => RowsRead - Rejects.Count;
    }

    public sealed record DepartmentRow(int Line, string Code, string Name, string? ParentCode, DateOnly? ClosedOn);

    public sealed record FaqRow(int Line, int Number, string? MajorCategory, string? MinorCategory, string Question, string Answer,
        string OwnerCode, FaqVisibility Visibility, bool Published, string PublicationRaw, DateOnly RegisteredOn, DateOnly UpdatedOn, int ViewCount);

    public sealed record CaseRow(int Line, string ReceiptNumber, int FiscalYear, int Sequence, DateOnly ReceivedOn, Channel Channel, CaseKind Kind,
        string Subject, string Body, bool Anonymous, string? Name, string? PostalCode, string? Address, string? Phone, string? Fax, string? Email,
        string? LeadCode, IReadOnlyList<string> RelatedCodes, CaseStatus Status, DateOnly? AnsweredOn, string? AnswerText);

    public sealed record HistoryRow(int Line, string ReceiptNumber, DateTime LocalAt, string? DepartmentCode, HistoryAction Action, string? Note, string ActorName)
    {
        /// <summary>Legacy key of a history row: the case, when, where, what and who.</summary>
        public string Key => string.Join('\u001f', ReceiptNumber, LocalAt.ToString("O"), DepartmentCode, Action, Note, ActorName);
    }

    public Dictionary<string, FileReport> Reports { get; } = Files.ToDictionary(f => f, f => new FileReport(f));
    public List<DepartmentRow> Departments { get; } = [];
    public List<FaqRow> Faqs { get; } = [];
    public List<CaseRow> Cases { get; } = [];
    public List<HistoryRow> History { get; } = [];

    public int RejectCount => Reports.Values.Sum(r => r.Rejects.Count);
}
