namespace Kocho.Users.Accounts;

/// <summary>
/// What a signed-in staff member must do before anything else: choose their own password after an
/// administrator set one, or enrol an authenticator app when their role requires two-factor sign-in.
/// Until then their session holds no permission and every staff page sends them to the step's page.
/// </summary>
public enum PendingStep
{
    None = 0,
    ChangePassword = 1,
    EnrolTwoFactor = 2,
}

public static class PendingSteps
{
    /// <summary>The claim that carries the step in the staff session.</summary>
    public const string Claim = "kocho:pending";

    public const string ChangePasswordPath = "/admin/account/password";
    public const string EnrolTwoFactorPath = "/admin/account/two-factor";

    public static string PathOf(PendingStep step) => step switch
    {
        PendingStep.ChangePassword => ChangePasswordPath,
        PendingStep.EnrolTwoFactor => EnrolTwoFactorPath,
        _ => "/admin",
    };

    public static PendingStep Of(System.Security.Claims.ClaimsPrincipal user) =>
        Enum.TryParse<PendingStep>(user.FindFirst(Claim)?.Value, out var step) ? step : PendingStep.None;
}
