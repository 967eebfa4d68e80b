using Kocho.Core.Security;

namespace Kocho.Opinions;

/// <summary>
/// Who may do what with 意見等: department staff see and handle their own department's cases, approvers approve
/// them, the public-hearing section sees all, registers, forwards and sends, the call center logs calls.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewCasesName = "Kocho.Opinions.ViewCases";
    public const string ViewAllCasesName = "Kocho.Opinions.ViewAllCases";
    public const string IntakeName = "Kocho.Opinions.Intake";
    public const string LogCallsName = "Kocho.Opinions.LogCalls";
    public const string ForwardName = "Kocho.Opinions.Forward";
    public const string HandleName = "Kocho.Opinions.Handle";
    public const string ApproveName = "Kocho.Opinions.Approve";
    public const string SendName = "Kocho.Opinions.Send";
    public const string ViewPersonalDataName = "Kocho.Opinions.ViewPersonalData";

    public static readonly Permission ViewCases = new(ViewCasesName, "自所属の意見等を閲覧する", "View own department's opinion cases");
    public static readonly Permission ViewAllCases = new(ViewAllCasesName, "すべての意見等を閲覧する", "View all opinion cases");
    public static readonly Permission Intake = new(IntakeName, "意見等を受け付ける（投書・はがき・メール・電話・FAX・来庁）", "Register opinion cases (letters, postcards, mail, phone, fax, visits)");
    public static readonly Permission LogCalls = new(LogCallsName, "コールセンターで受けた問合せを記録して転送する", "Log call-center calls and forward them");
    public static readonly Permission Forward = new(ForwardName, "意見等を所属に転送する", "Forward opinion cases to departments");
    public static readonly Permission Handle = new(HandleName, "意見等を処理し回答案を作成する", "Handle opinion cases and draft answers");
    public static readonly Permission Approve = new(ApproveName, "自所属の回答案を承認する", "Approve own department's draft answers");
    public static readonly Permission Send = new(SendName, "回答を確認して送信する", "Review and send answers");
    public static readonly Permission ViewPersonalData = new(ViewPersonalDataName, "意見等の個人情報を閲覧する", "View personal data of opinion cases");

    public IEnumerable<Permission> GetPermissions() =>
        [ViewCases, ViewAllCases, Intake, LogCalls, Forward, Handle, Approve, Send, ViewPersonalData];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, GetPermissions()),
        (StandardRoles.PublicHearing, [ViewCases, ViewAllCases, Intake, LogCalls, Forward, Send, ViewPersonalData]),
        (StandardRoles.CallCenter, [ViewCases, LogCalls]),
        (StandardRoles.DepartmentStaff, [ViewCases, Handle, ViewPersonalData]),
        (StandardRoles.Approver, [ViewCases, Handle, Approve, ViewPersonalData]),
    ];
}
