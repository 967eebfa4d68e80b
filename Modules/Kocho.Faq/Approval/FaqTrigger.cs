namespace Kocho.Faq.Approval;

/// <summary>What someone does to a version; <see cref="FaqWorkflow"/> decides whether it may happen now.</summary>
public enum FaqTrigger
{
    Edit,
    Submit,
    Approve,
    Return,
    PublishDirectly,
    Supersede,
    Unpublish,
}
