using Kocho.Core.Security;

namespace Kocho.Faq;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewFaqName = "Kocho.Faq.ViewFaq";

    public static readonly Permission ViewFaq = new(ViewFaqName, "FAQを閲覧する", "View FAQ entries");

    public IEnumerable<Permission> GetPermissions() => [ViewFaq];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ViewFaq]), (StandardRoles.PublicHearing, [ViewFaq]), (StandardRoles.CallCenter, [ViewFaq]), (StandardRoles.DepartmentStaff, [ViewFaq]), (StandardRoles.Approver, [ViewFaq])];
}
