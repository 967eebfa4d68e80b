namespace Kocho.Opinions.Search;

/// <summary>The "cases" search index: its name and the tags every case document carries (filters and read-back values).</summary>
public static class CaseIndex
{
    public const string Name = "cases";

    /// <summary>Ids of every department the case is forwarded to (lead and related): department staff search with their own.</summary>
    public const string Department = "department";

    /// <summary>Id of the lead department (主管課) of the current forwarding: what the department suggestion votes for.</summary>
    public const string Lead = "lead";

    /// <summary>"yes" once the case has a forwarding: only those teach the department suggestion.</summary>
    public const string Forwarded = "forwarded";

    public const string Status = "status";
    public const string Channel = "channel";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string FiscalYear = "fiscalYear";
    public const string ReceiptNumber = "receipt";
}
