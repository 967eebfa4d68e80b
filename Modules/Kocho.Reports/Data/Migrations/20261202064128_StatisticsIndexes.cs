using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_case_facts_ReceivedOn",
                table: "report_case_facts");

            migrationBuilder.DropIndex(
                name: "IX_report_case_departments_DepartmentId",
                table: "report_case_departments");

            migrationBuilder.DropIndex(
                name: "IX_report_case_categories_CategoryId",
                table: "report_case_categories");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_Period",
                table: "report_case_facts",
                columns: new[] { "ReceivedOn", "Month", "Channel", "Kind", "Status", "LeadDepartmentId", "IsOpen", "BusinessDaysToAnswer", "AnsweredByDue" });

            migrationBuilder.CreateIndex(
                name: "IX_report_case_departments_DepartmentId_CaseId",
                table: "report_case_departments",
                columns: new[] { "DepartmentId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_report_case_categories_CategoryId_CaseId",
                table: "report_case_categories",
                columns: new[] { "CategoryId", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_case_facts_Period",
                table: "report_case_facts");

            migrationBuilder.DropIndex(
                name: "IX_report_case_departments_DepartmentId_CaseId",
                table: "report_case_departments");

            migrationBuilder.DropIndex(
                name: "IX_report_case_categories_CategoryId_CaseId",
                table: "report_case_categories");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_ReceivedOn",
                table: "report_case_facts",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_departments_DepartmentId",
                table: "report_case_departments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_categories_CategoryId",
                table: "report_case_categories",
                column: "CategoryId");
        }
    }
}
