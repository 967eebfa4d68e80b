namespace Kocho.Core.Protection.Redaction;

public enum RedactedKind
{
    Name,
    Phone,
    Fax,
    Email,
    PostalCode,
    Address,
}
