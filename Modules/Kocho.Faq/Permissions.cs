using Kocho.Core.Security;

namespace Kocho.Faq;

/// <summary>Who may do what with FAQ entries. Department staff edit only their own department's entries (enforced in <c>FaqAccess</c>).</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewFaqName = "Kocho.Faq.ViewFaq";
    public const string EditFaqName = "Kocho.Faq.EditFaq";
    public const string EditAllFaqName = "Kocho.Faq.EditAllFaq";
    public const string ApproveFaqName = "Kocho.Faq.ApproveFaq";
    public const string ApproveFaqStepName = "Kocho.Faq.ApproveFaqStep";
    public const string PublishFaqName = "Kocho.Faq.PublishFaq";
    public const string ImportExportFaqName = "Kocho.Faq.ImportExportFaq";

    public static readonly Permission ViewFaq = new(ViewFaqName, "FAQを閲覧する", "View FAQ entries");
    public static readonly Permission EditFaq = new(EditFaqName, "自所属のFAQを作成・編集する", "Create and edit FAQ entries of one's own department");
    public static readonly Permission EditAllFaq = new(EditAllFaqName, "全所属のFAQを作成・編集する", "Create and edit FAQ entries of every department");
    public static readonly Permission ApproveFaq = new(ApproveFaqName, "FAQを承認する（上位者）", "Approve FAQ entries (superior)");
    public static readonly Permission ApproveFaqStep = new(ApproveFaqStepName, "承認経路の後続段階（広聴担当課など）でFAQを承認する", "Approve FAQ entries at a later step of the route (e.g. the public-hearing section)");
    public static readonly Permission PublishFaq = new(PublishFaqName, "FAQを承認なしで公開する", "Publish FAQ entries without approval");
    public static readonly Permission ImportExportFaq = new(ImportExportFaqName, "FAQをCSVで出力・取込する", "Export and import FAQ entries as CSV");

    public IEnumerable<Permission> GetPermissions() => [ViewFaq, EditFaq, EditAllFaq, ApproveFaq, ApproveFaqStep, PublishFaq, ImportExportFaq];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, [ViewFaq, EditFaq, EditAllFaq, ApproveFaq, ApproveFaqStep, PublishFaq, ImportExportFaq]),
        (StandardRoles.PublicHearing, [ViewFaq, EditFaq, EditAllFaq, ApproveFaqStep, ImportExportFaq]),
        (StandardRoles.CallCenter, [ViewFaq]),
        (StandardRoles.DepartmentStaff, [ViewFaq, EditFaq]),
        (StandardRoles.Approver, [ViewFaq, ApproveFaq]),
    ];
}
