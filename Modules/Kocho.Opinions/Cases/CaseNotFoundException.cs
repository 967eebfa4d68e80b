namespace Kocho.Opinions.Cases;

/// <summary>The case (or its part) does not exist or is not visible to the actor: pages answer 404 either way.</summary>
public sealed class CaseNotFoundException() : Exception("意見等が見つかりません。");
