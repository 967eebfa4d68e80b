namespace Kocho.Users.Accounts;

/// <summary>An account change that was refused; the message is shown as it is.</summary>
public sealed class AccountException(string message) : Exception(message);
