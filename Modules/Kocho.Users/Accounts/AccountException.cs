namespace Kocho.Users.Accounts;

/// <summary>
/// An account change that was refused; the message is shown as it is. <see cref="Field"/> names the input
/// it is about (<c>Login</c>, <c>Name</c>, <c>Department</c>, <c>Roles</c>, <c>Password</c>, <c>Code</c>), if any.
/// </summary>
public sealed class AccountException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
