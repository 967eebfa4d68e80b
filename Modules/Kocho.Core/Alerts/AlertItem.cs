namespace Kocho.Core.Alerts;

/// <summary>
/// An item an alert is about, as its module describes it: no personal data (mails and the inbox show it). <paramref name="Title"/>
/// is e.g. 「受付番号 2026-000123（要望）」; <paramref name="StaffPath"/> the item's page on the staff site.
/// <paramref name="DueOn"/> is the date the condition refers to (回答期限, 見直し期限), <paramref name="BusinessDaysLeft"/> the
/// business days from the scan date to it (negative when past).
/// </summary>
public sealed record AlertItem(Guid ItemId, string Title, Guid? DepartmentId, string StaffPath, DateOnly? DueOn = null, int? BusinessDaysLeft = null);
