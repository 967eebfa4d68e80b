namespace Kocho.Privacy.Incidents;

/// <summary>What kind of incident is suspected (特記事項 14: 漏えい、滅失、き損 and the like).</summary>
public enum IncidentKind
{
    Leak = 1,
    Loss = 2,
    Misdelivery = 3,
    UnauthorizedAccess = 4,
    Other = 9,
}
