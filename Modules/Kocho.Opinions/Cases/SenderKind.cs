namespace Kocho.Opinions.Cases;

/// <summary>Who sent the case: nobody known, a registered resident, or contact details staff or a guest entered.</summary>
public enum SenderKind
{
    Anonymous = 1,
    Resident = 2,
    Contact = 3,
}
