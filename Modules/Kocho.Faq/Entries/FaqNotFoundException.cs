namespace Kocho.Faq.Entries;

/// <summary>No such entry, or one outside the actor's department: pages answer 404 (another department's entry must not show it exists).</summary>
public sealed class FaqNotFoundException() : Exception("このFAQは見つかりません。");
