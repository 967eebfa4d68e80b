namespace Kocho.Tests.Infrastructure;

/// <summary>
/// Marks a test class or collection definition that keeps one of the two test slots busy for minutes (100k cases,
/// a demo site shared by many classes): <see cref="LongestFirstOrderer"/> starts it first, so it runs beside the
/// short ones instead of alone at the end of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RunsLongAttribute : Attribute;
