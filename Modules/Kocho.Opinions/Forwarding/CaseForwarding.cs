namespace Kocho.Opinions.Forwarding;

/// <summary>
/// 転送: a case sent to one department, as 主管課 (lead) or 関係課 (related), with its own status, 回答期限 and comment.
/// A returned forwarding stays as history; forwarding again adds a new one.
/// </summary>
public sealed class CaseForwarding
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Guid DepartmentId { get; set; }
    public ForwardingRole Role { get; set; }
    public ForwardingStatus Status { get; set; } = ForwardingStatus.Forwarded;
    public DateOnly DueOn { get; set; }
    public string? Comment { get; set; }
    public DateTime ForwardedAt { get; set; }
    public Guid? ForwardedById { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnReason { get; set; }
    public Guid? ReturnedById { get; set; }
    public DateTime? CompletedAt { get; set; }

    public bool IsActive => Status != ForwardingStatus.Returned;
}
