using Kocho.Alerts.Rules;
using Kocho.Core.Departments;
using Kocho.Core.Staff;

namespace Kocho.Alerts.Delivery;

/// <summary>
/// Who a set of rules addresses for one item: members of the item's (or a fixed) department and its 係, optionally only
/// those with a role, plus named users; each person once, with the union of the rules' channels.
/// </summary>
public sealed class AlertRecipients(IStaffDirectory staff, DepartmentDirectory departments)
{
    public sealed record Recipient(StaffContact Staff, bool Inbox, bool Mail);

    public async Task<IReadOnlyList<Recipient>> ForAsync(IEnumerable<AlertRule> rules, Guid? itemDepartmentId, CancellationToken cancellationToken)
    {
        var all = await departments.AllAsync(cancellationToken);
        var result = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var people = new List<StaffContact>();
            var department = rule.Department switch
            {
                RecipientDepartment.Item => itemDepartmentId,
                RecipientDepartment.Fixed => rule.DepartmentId,
                _ => null,
            };
            if (department is { } id)
            {
                people.AddRange(await staff.MembersAsync(WithUnits(all, id), rule.Role, cancellationToken));
            }
            var logins = rule.UserLogins();
            if (logins.Count > 0) people.AddRange(await staff.ByLoginAsync([.. logins], cancellationToken));
            foreach (var person in people)
            {
                result[person.UserId] = result.TryGetValue(person.UserId, out var known)
                    ? known with { Inbox = known.Inbox || rule.Inbox, Mail = known.Mail || rule.Mail }
                    : new Recipient(person, rule.Inbox, rule.Mail);
            }
        }
        return [.. result.Values];
    }

    /// <summary>The department and every 係 below it: staff of a 係 handle their 課's cases.</summary>
    private static List<Guid> WithUnits(IReadOnlyList<Department> all, Guid id)
    {
        var ids = new List<Guid> { id };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(all.Where(d => d.ParentId == ids[i] && !ids.Contains(d.Id)).Select(d => d.Id));
        }
        return ids;
    }
}
