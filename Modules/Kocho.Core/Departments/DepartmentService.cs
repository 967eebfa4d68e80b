using System.Text.RegularExpressions;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Departments;

/// <summary>
/// Creates and changes 所属 with the tree's rules: unique codes, a parent one level up, no cycles, and
/// valid-from/valid-to for April reorganisations (a renamed 課 keeps its record and so its history;
/// a merged one gets a valid-to date and a successor).
/// </summary>
public sealed partial class DepartmentService(CoreDbContext db, UnitOfWork unitOfWork)
{
    [GeneratedRegex("^[0-9A-Za-z-]{1,20}$")]
    private static partial Regex CodePattern();

    /// <summary>Saves in one transaction; returns field errors (field → Japanese message) and saves nothing if any.</summary>
    public async Task<(Department? Saved, IReadOnlyDictionary<string, string> Errors)> SaveAsync(Guid? id, DepartmentEdit edit, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var all = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var code = edit.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code)) errors["Code"] = "所属コードは半角英数字とハイフン20文字以内で入力してください。";
        else if (all.Any(d => d.Code == code && d.Id != id)) errors["Code"] = $"所属コード {code} はすでに使われています。";
        if (string.IsNullOrWhiteSpace(edit.Name)) errors["Name"] = "所属名を入力してください。";
        else if (edit.Name.Trim().Length > 100) errors["Name"] = "所属名は100文字以内で入力してください。";
        if (!Enum.IsDefined(edit.Level)) errors["Level"] = "階層を選んでください。";
        if (edit.ParentId is { } parentId)
        {
            var parent = all.FirstOrDefault(d => d.Id == parentId);
            if (parent is null) errors["ParentId"] = "上位所属が見つかりません。";
            else if ((int)parent.Level != (int)edit.Level - 1) errors["ParentId"] = "上位所属は一つ上の階層（課なら部、係なら課）から選んでください。";
            else if (id is { } self && IsSelfOrDescendant(all, self, parentId)) errors["ParentId"] = "自分自身や配下の所属を上位所属にはできません。";
        }
        else if (edit.Level != DepartmentLevel.Division)
        {
            errors["ParentId"] = "課・係には上位所属を選んでください。";
        }
        if (edit.ValidFrom is { } from && edit.ValidTo is { } to && to < from) errors["ValidTo"] = "廃止日は設置日より後にしてください。";
        if (edit.SuccessorId is { } successor)
        {
            if (successor == id) errors["SuccessorId"] = "統合先に自分自身は選べません。";
            else if (all.All(d => d.Id != successor)) errors["SuccessorId"] = "統合先の所属が見つかりません。";
            if (edit.ValidTo is null) errors["ValidTo"] = "統合先を選ぶときは廃止日も入力してください。";
        }
        if (edit.Phone is { Length: > 30 }) errors["Phone"] = "電話番号は30文字以内で入力してください。";
        if (errors.Count > 0) return (null, errors);

        var saved = await unitOfWork.ExecuteAsync(async ct =>
        {
            Department department;
            if (id is { } existingId)
            {
                department = await db.Departments.FirstOrDefaultAsync(d => d.Id == existingId, ct)
                    ?? throw new KeyNotFoundException("所属が見つかりません。");
            }
            else
            {
                department = new Department { Code = code, Name = edit.Name!.Trim(), SortOrder = all.Count == 0 ? 0 : all.Max(d => d.SortOrder) + 1 };
                db.Departments.Add(department);
            }
            department.Code = code;
            department.Name = edit.Name!.Trim();
            department.NameEn = string.IsNullOrWhiteSpace(edit.NameEn) ? null : edit.NameEn.Trim();
            department.Level = edit.Level;
            department.ParentId = edit.ParentId;
            department.Phone = string.IsNullOrWhiteSpace(edit.Phone) ? null : edit.Phone.Trim();
            department.ValidFrom = edit.ValidFrom;
            department.ValidTo = edit.ValidTo;
            department.SuccessorId = edit.SuccessorId;
            return department;
        }, cancellationToken);
        return (saved, errors);
    }

    private static bool IsSelfOrDescendant(List<Department> all, Guid self, Guid candidate)
    {
        for (Guid? current = candidate; current is { } c; current = all.FirstOrDefault(d => d.Id == c)?.ParentId)
        {
            if (c == self) return true;
        }
        return false;
    }
}
