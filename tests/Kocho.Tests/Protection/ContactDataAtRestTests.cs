using System.Data.Common;
using System.Text;
using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Protection;

/// <summary>
/// 特記事項: personal data is encrypted at rest. An administrator records a staff member's contact phone and
/// email; the portal shows and finds them, while the database holds none of them in clear.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ContactDataAtRestTests
{
    private const string Phone = "090-4417-2586";
    private const string Email = "Hanako.Koseki@City.Shinjuku.lg.jp";

    /// <summary>Every form in which the contact data could sit in the database.</summary>
    private static readonly string[] Plaintexts = [Phone, "09044172586", "4417-2586", Email, Email.ToLowerInvariant(), "Hanako.Koseki", "hanako.koseki"];

    [Fact]
    public async Task Contact_data_is_shown_and_found_by_email_but_never_stored_in_clear()
    {
        await using var host = await PortalHost.StartCopyAsync();

        var add = await host.RunVerbAsync("users", "add", "--login", "koseki01", "--name", "戸籍 花子", "--department", "0502",
            "--role", "DepartmentStaff", "--password", "a-long-password-1", "--contact-phone", Phone, "--contact-email", Email);
        Assert.True(add.ExitCode == 0, add.Error);

        // Found by the address typed in another case and with spaces around it, and shown in clear.
        var found = await host.RunVerbAsync("users", "find", "--contact-email", "  hanako.koseki@CITY.SHINJUKU.LG.JP ");
        Assert.True(found.ExitCode == 0, found.Error);
        Assert.Equal($"koseki01\t戸籍 花子\t{Email}\t{Phone}", found.Output.Trim());
        var nobody = await host.RunVerbAsync("users", "find", "--contact-email", "someone.else@city.shinjuku.lg.jp");
        Assert.Equal("該当する職員はいません。", nobody.Output.Trim());

        // The columns hold ciphertext that the portal's protector reads back.
        var (storedPhone, storedEmail, storedHash) = await StoredContactAsync(host, "koseki01");
        var protector = host.Service<IPersonalDataProtector>();
        Assert.Equal(Phone, protector.Unprotect(storedPhone));
        Assert.Equal(Email, protector.Unprotect(storedEmail));
        Assert.Equal(protector.LookupHash(LookupPurpose.Email, "hanako.koseki@city.shinjuku.lg.jp"), storedHash);
        foreach (var column in new[] { storedPhone, storedEmail, storedHash })
        {
            Assert.All(Plaintexts, plaintext => Assert.DoesNotContain(plaintext, column, StringComparison.OrdinalIgnoreCase));
        }

        if (TestEnvironment.IsPostgres)
        {
            await AssertNoTableHoldsPlaintextAsync(host);
        }
        else
        {
            AssertDatabaseFilesHoldNoPlaintext(host);
        }
    }

    [Fact]
    public async Task A_malformed_contact_email_is_refused_and_nothing_is_saved()
    {
        await using var host = await PortalHost.StartCopyAsync();

        var refused = await host.RunVerbAsync("users", "add", "--login", "koseki02", "--name", "戸籍 次郎", "--role", "DepartmentStaff",
            "--password", "a-long-password-2", "--contact-email", "koseki02 at city.shinjuku");
        var noDigits = await host.RunVerbAsync("users", "add", "--login", "koseki03", "--name", "戸籍 三郎", "--role", "DepartmentStaff",
            "--password", "a-long-password-3", "--contact-phone", "なし");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("連絡先メールアドレスの形式が正しくありません（例: taro@city.shinjuku.lg.jp）。", refused.Error.Trim());
        Assert.Equal(1, noDigits.ExitCode);
        Assert.Equal("連絡先電話番号は数字（20桁まで）で入力してください。", noDigits.Error.Trim());
        await using var connection = await OpenAsync(host);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users WHERE \"UserName\" IN ('koseki02', 'koseki03')";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    /// <summary>SQLite: the database file (after a checkpoint, with any WAL or journal left) as bytes, in UTF-8 and UTF-16.</summary>
    private static void AssertDatabaseFilesHoldNoPlaintext(PortalHost host)
    {
        var database = Path.Combine(host.DataPath, "kocho.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        var bytes = new[] { database, database + "-wal", database + "-journal" }
            .Where(File.Exists)
            .SelectMany(ReadShared)
            .ToArray();

        // The scan does see the data: the login ID is not personal data and is stored as it is.
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("koseki01")), "the login ID should be readable in the file");
        foreach (var plaintext in Plaintexts)
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(plaintext)), $"UTF-8 \"{plaintext}\" found in the database file");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(plaintext)), $"UTF-16 \"{plaintext}\" found in the database file");
        }
    }

    /// <summary>PostgreSQL: every row of every table, as text, holds none of the plaintexts.</summary>
    private static async Task AssertNoTableHoldsPlaintextAsync(PortalHost host)
    {
        await using var connection = await OpenAsync(host);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("users", tables);
        Assert.Equal(1L, await CountRowsContainingAsync(connection, "users", "koseki01"));
        foreach (var table in tables)
        {
            foreach (var plaintext in Plaintexts)
            {
                Assert.True(await CountRowsContainingAsync(connection, table, plaintext) == 0, $"\"{plaintext}\" found in table {table}");
            }
        }
    }

    private static async Task<long> CountRowsContainingAsync(DbConnection connection, string table, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" t WHERE strpos(lower(t::text), lower(@text)) > 0";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "text";
        parameter.Value = text;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<(string Phone, string Email, string Hash)> StoredContactAsync(PortalHost host, string login)
    {
        await using var connection = await OpenAsync(host);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"ContactPhone\", \"ContactEmail\", \"ContactEmailHash\" FROM users WHERE \"UserName\" = '{login}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no user {login}");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task<DbConnection> OpenAsync(PortalHost host)
    {
        var connection = host.Service<DatabaseConnectionFactory>().CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
