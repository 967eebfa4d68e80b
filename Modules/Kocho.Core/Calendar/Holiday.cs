namespace Kocho.Core.Calendar;

/// <summary>
/// A 休日 under 国民の祝日に関する法律: a 国民の祝日 by its legal name, or a day it makes a
/// holiday (振替休日, 国民の休日, or a one-off day set by a special law).
/// </summary>
public sealed record Holiday(DateOnly Date, string Name);
