namespace Kocho.Api.Keys;

/// <summary>What a key may do; each endpoint names the one scope it needs (403 without it).</summary>
public static class ApiScopes
{
    public const string CasesRead = "cases:read";
    public const string CasesWrite = "cases:write";
    public const string CasesPersonal = "cases:personal";
    public const string FaqRead = "faq:read";
    public const string Open311Write = "open311:write";

    public const int DefaultRequestsPerMinute = 60;
    public const int MaxRequestsPerMinute = 10_000;

    public static readonly IReadOnlyList<(string Scope, string Label)> All =
    [
        (CasesRead, "意見等の一覧・進捗・処理履歴を読む"),
        (CasesWrite, "意見等を登録する"),
        (CasesPersonal, "意見等の本文と差出人の個人情報を読む（すべて監査記録に残ります）"),
        (FaqRead, "FAQを検索する（内部FAQを含む）"),
        (Open311Write, "Open311で要望を送信する"),
    ];

    public static bool IsKnown(string scope) => All.Any(s => s.Scope == scope);
}
