namespace Kocho.Integrations.Webhooks;

/// <summary>The events an endpoint can subscribe to, with their Japanese labels.</summary>
public static class WebhookEvents
{
    public const string CaseReceived = "case.received";
    public const string CaseForwarded = "case.forwarded";
    public const string CaseAnswered = "case.answered";
    public const string CaseClosed = "case.closed";
    public const string FaqPublished = "faq.published";

    public static readonly IReadOnlyList<string> All = [CaseReceived, CaseForwarded, CaseAnswered, CaseClosed, FaqPublished];

    public static string Label(string name) => name switch
    {
        CaseReceived => "意見等の受付",
        CaseForwarded => "意見等の転送",
        CaseAnswered => "意見等の回答",
        CaseClosed => "意見等の完了",
        FaqPublished => "FAQの公開",
        _ => name,
    };
}
