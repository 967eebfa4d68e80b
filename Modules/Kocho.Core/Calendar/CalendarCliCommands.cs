using System.CommandLine;
using System.Globalization;
using Kocho.Core.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Calendar;

/// <summary><c>calendar holidays --year YYYY</c> and <c>calendar due --from YYYY-MM-DD [--business-days N]</c>.</summary>
public sealed class CalendarCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var year = new Option<int>("--year") { Description = "西暦年（例: 2026）", Required = true };
        var holidays = new Command("holidays", "その年の国民の祝日・休日を CSV（date,name）で出力します") { year };
        holidays.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var y = parse.GetValue(year);
            if (y is < JapaneseHolidayRules.FirstYear or > JapaneseHolidayRules.LastYear)
            {
                throw new CliException($"年は {JapaneseHolidayRules.FirstYear} から {JapaneseHolidayRules.LastYear} までで指定してください。");
            }
            await runner.Output.WriteLineAsync("date,name");
            foreach (var holiday in await sp.GetRequiredService<BusinessCalendarService>().HolidaysAsync(y, token))
            {
                await runner.Output.WriteLineAsync($"{holiday.Date:yyyy-MM-dd},{holiday.Name}");
            }
            return 0;
        }, ct));

        var from = new Option<string>("--from") { Description = "受付日（YYYY-MM-DD）", Required = true };
        var days = new Option<int?>("--business-days") { Description = "業務日数（省略時は設定値、既定 14）" };
        var due = new Command("due", "受付日から回答期限（N 業務日後）を求めます") { from, days };
        due.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(from), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var received))
            {
                throw new CliException("日付は YYYY-MM-DD の形で指定してください（例: 2026-12-25）。");
            }
            var n = parse.GetValue(days);
            if (n is < 1 or > 365)
            {
                throw new CliException("業務日数は 1 から 365 までで指定してください。");
            }
            var date = await sp.GetRequiredService<BusinessCalendarService>().AnswerDueAsync(received, n, token);
            await runner.Output.WriteLineAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return 0;
        }, ct));

        return [new Command("calendar", "業務日カレンダー（祝日・年末年始・例外日）") { holidays, due }];
    }
}
