using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>進捗管理: the lifecycle allows exactly the transitions of the agreed flow and refuses every other in Japanese.</summary>
public sealed class CaseLifecycleTests
{
    private static readonly Dictionary<(CaseStatus, CaseTrigger), CaseStatus> Expected = new()
    {
        [(CaseStatus.Received, CaseTrigger.Forward)] = CaseStatus.Forwarded,
        [(CaseStatus.Forwarded, CaseTrigger.Forward)] = CaseStatus.Forwarded,
        [(CaseStatus.InProgress, CaseTrigger.Forward)] = CaseStatus.InProgress,
        [(CaseStatus.Drafted, CaseTrigger.Forward)] = CaseStatus.Drafted,
        [(CaseStatus.Forwarded, CaseTrigger.ReturnAllForwardings)] = CaseStatus.Received,
        [(CaseStatus.InProgress, CaseTrigger.ReturnAllForwardings)] = CaseStatus.Received,
        [(CaseStatus.Forwarded, CaseTrigger.RecordHandling)] = CaseStatus.InProgress,
        [(CaseStatus.InProgress, CaseTrigger.RecordHandling)] = CaseStatus.InProgress,
        [(CaseStatus.Drafted, CaseTrigger.RecordHandling)] = CaseStatus.Drafted,
        [(CaseStatus.AwaitingApproval, CaseTrigger.RecordHandling)] = CaseStatus.AwaitingApproval,
        [(CaseStatus.Forwarded, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,
        [(CaseStatus.InProgress, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,
        [(CaseStatus.Drafted, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,
        [(CaseStatus.Drafted, CaseTrigger.SubmitForApproval)] = CaseStatus.AwaitingApproval,
        [(CaseStatus.AwaitingApproval, CaseTrigger.Approve)] = CaseStatus.AwaitingApproval,
        [(CaseStatus.AwaitingApproval, CaseTrigger.ReturnAnswer)] = CaseStatus.Drafted,
        [(CaseStatus.AwaitingApproval, CaseTrigger.Send)] = CaseStatus.Answered,
        [(CaseStatus.Answered, CaseTrigger.Close)] = CaseStatus.Completed,
        [(CaseStatus.Received, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.Forwarded, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.InProgress, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.Drafted, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
    };

    public static TheoryData<CaseStatus, CaseTrigger> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseTrigger>();
        foreach (var status in Enum.GetValues<CaseStatus>())
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
                data.Add(status, trigger);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_status_and_trigger_leads_where_the_flow_says_or_is_refused(CaseStatus from, CaseTrigger trigger)
    {
        var opinionCase = new OpinionCase { ReceiptNumber = "2026-000001", Subject = "件名", Body = "本文", Status = from };
        if (Expected.TryGetValue((from, trigger), out var to))
        {
            Assert.True(CaseLifecycle.CanFire(from, trigger));
            CaseLifecycle.Fire(opinionCase, trigger);
            Assert.Equal(to, opinionCase.Status);
        }
        else
        {
            Assert.False(CaseLifecycle.CanFire(from, trigger));
            var refused = Assert.Throws<OpinionException>(() => CaseLifecycle.Fire(opinionCase, trigger));
            Assert.Equal($"状態が「{OpinionLabels.Of(from)}」の意見等では「{OpinionLabels.Of(trigger)}」はできません。", refused.Message);
            Assert.Equal(from, opinionCase.Status);
        }
    }

    [Fact]
    public void Closed_cases_accept_nothing_and_the_happy_path_reaches_completed()
    {
        foreach (var trigger in Enum.GetValues<CaseTrigger>())
        {
            Assert.False(CaseLifecycle.CanFire(CaseStatus.Completed, trigger));
            Assert.False(CaseLifecycle.CanFire(CaseStatus.NoAnswerNeeded, trigger));
        }
        var status = CaseStatus.Received;
        foreach (var trigger in new[] { CaseTrigger.Forward, CaseTrigger.RecordHandling, CaseTrigger.SaveDraft, CaseTrigger.SubmitForApproval, CaseTrigger.Approve, CaseTrigger.Send, CaseTrigger.Close })
            status = CaseLifecycle.Next(status, trigger);
        Assert.Equal(CaseStatus.Completed, status);
        Assert.Equal(Expected.Count, CaseLifecycle.All.Count);
    }

    [Fact]
    public void Each_default_role_gets_the_rights_of_its_job()
    {
        var roles = new Kocho.Opinions.Permissions().GetDefaultRoles().ToDictionary(r => r.Role, r => r.Permissions.Select(p => p.Name).ToHashSet());
        Assert.Equal(new Kocho.Opinions.Permissions().GetPermissions().Select(p => p.Name).ToHashSet(), roles[StandardRoles.Administrator]);
        Assert.Superset(new HashSet<string> { Kocho.Opinions.Permissions.ViewAllCasesName, Kocho.Opinions.Permissions.ForwardName, Kocho.Opinions.Permissions.SendName, Kocho.Opinions.Permissions.IntakeName }, roles[StandardRoles.PublicHearing]);
        Assert.DoesNotContain(Kocho.Opinions.Permissions.ApproveName, roles[StandardRoles.PublicHearing]);
        Assert.DoesNotContain(Kocho.Opinions.Permissions.HandleName, roles[StandardRoles.PublicHearing]);
        Assert.Equal(new HashSet<string> { Kocho.Opinions.Permissions.ViewCasesName, Kocho.Opinions.Permissions.LogCallsName }, roles[StandardRoles.CallCenter]);
        Assert.Equal(new HashSet<string> { Kocho.Opinions.Permissions.ViewCasesName, Kocho.Opinions.Permissions.HandleName, Kocho.Opinions.Permissions.ViewPersonalDataName }, roles[StandardRoles.DepartmentStaff]);
        Assert.Contains(Kocho.Opinions.Permissions.ApproveName, roles[StandardRoles.Approver]);
        foreach (var role in new[] { StandardRoles.DepartmentStaff, StandardRoles.Approver, StandardRoles.CallCenter })
        {
            Assert.DoesNotContain(Kocho.Opinions.Permissions.ViewAllCasesName, roles[role]);
            Assert.DoesNotContain(Kocho.Opinions.Permissions.ForwardName, roles[role]);
            Assert.DoesNotContain(Kocho.Opinions.Permissions.SendName, roles[role]);
        }
    }
}
