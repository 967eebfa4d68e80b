using Kocho.Core.Security;

namespace Kocho.Integrations;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageWebhooksName = "Kocho.Integrations.ManageWebhooks";
    public const string ViewMailboxLogName = "Kocho.Integrations.ViewMailboxLog";

    public static readonly Permission ManageWebhooks = new(ManageWebhooksName, "Webhookの送信先を管理する", "Manage webhook endpoints");

    public static readonly Permission ViewMailboxLog = new(ViewMailboxLogName, "区長へのメールの受信記録を見る", "View the mayor's mailbox log");

    public IEnumerable<Permission> GetPermissions() => [ManageWebhooks, ViewMailboxLog];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageWebhooks, ViewMailboxLog]), (StandardRoles.PublicHearing, [ViewMailboxLog])];
}
