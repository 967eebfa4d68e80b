using System.Data.Common;
using System.Globalization;
using Kocho.Opinions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kocho.Opinions.Cases;

/// <summary>
/// 受付番号 per fiscal year (April–March): a counter row per year, raised by one UPDATE … RETURNING inside the
/// intake's transaction. The row lock (PostgreSQL) or the write lock (SQLite) serializes concurrent intakes; the
/// counter only grows, so a number once given (even of a case later deleted) is never given again.
/// </summary>
public static class ReceiptNumbers
{
    public const string Table = "opinion_receipt_counters";
    public const string YearColumn = "fiscal_year";
    public const string LastColumn = "last_number";

    /// <summary>年度: April to March, named after the year it starts in.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static string Format(int fiscalYear, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}-{sequence:D6}");

    /// <summary>Takes the next sequence of <paramref name="fiscalYear"/>; call inside <c>UnitOfWork.ExecuteAsync</c>.</summary>
    public static async Task<int> NextAsync(OpinionsDbContext db, int fiscalYear, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Receipt numbers are taken inside the intake's transaction.");
        var connection = db.Database.GetDbConnection();
        await using (var insert = Command(connection, transaction, fiscalYear,
            $"INSERT INTO {Table} ({YearColumn}, {LastColumn}) VALUES (@year, 0) ON CONFLICT ({YearColumn}) DO NOTHING"))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var update = Command(connection, transaction, fiscalYear,
            $"UPDATE {Table} SET {LastColumn} = {LastColumn} + 1 WHERE {YearColumn} = @year RETURNING {LastColumn}");
        var result = await update.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(result, CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, int fiscalYear, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = fiscalYear;
        command.Parameters.Add(parameter);
        return command;
    }
}
