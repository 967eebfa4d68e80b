using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kocho.Core.Protection;

/// <summary>
/// Stores a string property encrypted and reads it back in clear, transparently. An encrypted column cannot be
/// compared in a query (each encryption differs): look records up by a hash column from <see cref="IPersonalDataProtector.LookupHash"/>.
/// </summary>
public sealed class ProtectedStringConverter(IPersonalDataProtector protector) : ValueConverter<string, string>(
    v => protector.Protect(v)!,
    v => protector.Unprotect(v)!);
