namespace Kocho.Reports.Statistics;

/// <summary>回答日数 in business days over answered cases: median, 90th percentile, share answered by 回答期限.</summary>
public sealed record AnswerTimes(int Answered, double? Median, int? Percentile90, int WithDue, int ByDue)
{
    public double? ShareByDue => WithDue == 0 ? null : (double)ByDue / WithDue;
}
