using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Opinions.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_opinion_forwardings_DepartmentId_Status",
                table: "opinion_forwardings");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_forwardings_DepartmentId_Status_CaseId",
                table: "opinion_forwardings",
                columns: new[] { "DepartmentId", "Status", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_CreatedById",
                table: "opinion_cases",
                column: "CreatedById");

            // The case list's order, served by an index instead of sorting every case: due date first, cases without
            // one last, then newest. The expressions are those EF writes for CaseQueries.ListAsync's OrderBy, and this
            // statement reads the same on SQLite and PostgreSQL.
            migrationBuilder.Sql(
                """CREATE INDEX "IX_opinion_cases_ListOrder" ON "opinion_cases" (("AnswerDue" IS NULL), "AnswerDue", "ReceivedOn" DESC, "Sequence" DESC);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_opinion_cases_ListOrder";""");

            migrationBuilder.DropIndex(
                name: "IX_opinion_forwardings_DepartmentId_Status_CaseId",
                table: "opinion_forwardings");

            migrationBuilder.DropIndex(
                name: "IX_opinion_cases_CreatedById",
                table: "opinion_cases");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_forwardings_DepartmentId_Status",
                table: "opinion_forwardings",
                columns: new[] { "DepartmentId", "Status" });
        }
    }
}
