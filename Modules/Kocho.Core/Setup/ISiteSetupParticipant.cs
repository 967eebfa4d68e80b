namespace Kocho.Core.Setup;

/// <summary>Joins the setup transaction after the recipe ran (the Users module creates the admin account).</summary>
public interface ISiteSetupParticipant
{
    Task SetupAsync(SetupRequest request, CancellationToken cancellationToken);
}
