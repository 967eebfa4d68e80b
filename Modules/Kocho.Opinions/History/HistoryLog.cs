using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;

namespace Kocho.Opinions.History;

/// <summary>Adds the 処理履歴 entry of an action to the action's own unit of work (never on its own).</summary>
internal static class HistoryLog
{
    public static HistoryEntry Write(OpinionsDbContext db, TimeProvider clock, Guid caseId, CaseActor actor, HistoryAction action, string? note = null)
    {
        var entry = new HistoryEntry
        {
            CaseId = caseId,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name,
            DepartmentId = actor.DepartmentId,
            Action = action,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.History.Add(entry);
        return entry;
    }
}
