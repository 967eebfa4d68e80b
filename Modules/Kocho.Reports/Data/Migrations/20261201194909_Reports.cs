using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_case_facts",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    ReceiptNumber = table.Column<string>(maxLength: 20, nullable: false),
                    FiscalYear = table.Column<int>(nullable: false),
                    Month = table.Column<int>(nullable: false),
                    ReceivedOn = table.Column<DateOnly>(nullable: false),
                    Channel = table.Column<int>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Status = table.Column<int>(nullable: false),
                    IsOpen = table.Column<bool>(nullable: false),
                    LeadDepartmentId = table.Column<Guid>(nullable: true),
                    AnswerDue = table.Column<DateOnly>(nullable: true),
                    AnsweredOn = table.Column<DateOnly>(nullable: true),
                    BusinessDaysToAnswer = table.Column<int>(nullable: true),
                    AnsweredByDue = table.Column<bool>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_case_facts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "report_case_categories",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    CategoryId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_case_categories", x => new { x.CaseId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_report_case_categories_report_case_facts_CaseId",
                        column: x => x.CaseId,
                        principalTable: "report_case_facts",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_case_departments",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_case_departments", x => new { x.CaseId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_report_case_departments_report_case_facts_CaseId",
                        column: x => x.CaseId,
                        principalTable: "report_case_facts",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_case_terms",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    Term = table.Column<string>(maxLength: 40, nullable: false),
                    Month = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_case_terms", x => new { x.CaseId, x.Term });
                    table.ForeignKey(
                        name: "FK_report_case_terms_report_case_facts_CaseId",
                        column: x => x.CaseId,
                        principalTable: "report_case_facts",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_case_categories_CategoryId",
                table: "report_case_categories",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_departments_DepartmentId",
                table: "report_case_departments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_BusinessDaysToAnswer",
                table: "report_case_facts",
                column: "BusinessDaysToAnswer");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_Channel",
                table: "report_case_facts",
                column: "Channel");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_FiscalYear_Month",
                table: "report_case_facts",
                columns: new[] { "FiscalYear", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_IsOpen_AnswerDue",
                table: "report_case_facts",
                columns: new[] { "IsOpen", "AnswerDue" });

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_Kind",
                table: "report_case_facts",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_LeadDepartmentId",
                table: "report_case_facts",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_Month",
                table: "report_case_facts",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_ReceivedOn",
                table: "report_case_facts",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_facts_Status",
                table: "report_case_facts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_report_case_terms_Month_Term",
                table: "report_case_terms",
                columns: new[] { "Month", "Term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_case_categories");

            migrationBuilder.DropTable(
                name: "report_case_departments");

            migrationBuilder.DropTable(
                name: "report_case_terms");

            migrationBuilder.DropTable(
                name: "report_case_facts");
        }
    }
}
