namespace Kocho.Core.Reporting;

/// <summary>A normalized query that found nothing, how often, and when last.</summary>
public sealed record FaqZeroHitStatistics(string Query, int Count, DateTime LastAt);
