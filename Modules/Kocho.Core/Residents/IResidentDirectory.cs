namespace Kocho.Core.Residents;

/// <summary>
/// A resident's contact details for modules that answer them (opinions), without knowing how Kocho.Users keeps
/// accounts. Callers that show or use the details record that in the audit trail themselves.
/// </summary>
public interface IResidentDirectory
{
    /// <summary>The resident's current details, or null when the account does not exist (any more).</summary>
    Task<ResidentContact?> FindAsync(string userId, CancellationToken cancellationToken = default);
}
