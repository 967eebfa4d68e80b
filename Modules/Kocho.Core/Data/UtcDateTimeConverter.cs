using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kocho.Core.Data;

/// <summary>Reads every stored instant back as UTC, whatever the engine hands out.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
