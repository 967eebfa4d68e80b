using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class PreparedExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_prepared_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    UserId = table.Column<string>(maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(maxLength: 200, nullable: false),
                    ExportName = table.Column<string>(maxLength: 50, nullable: false),
                    FileName = table.Column<string>(maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(nullable: true),
                    To = table.Column<DateOnly>(nullable: true),
                    DepartmentId = table.Column<Guid>(nullable: true),
                    WithPersonalData = table.Column<bool>(nullable: false),
                    ShiftJis = table.Column<bool>(nullable: false),
                    Reason = table.Column<string>(maxLength: 200, nullable: true),
                    State = table.Column<int>(nullable: false),
                    Total = table.Column<int>(nullable: false),
                    Written = table.Column<int>(nullable: false),
                    ReplacedCharacters = table.Column<int>(nullable: false),
                    Chunks = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    ExpiresAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_prepared_exports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_prepared_export_chunks",
                columns: table => new
                {
                    ExportId = table.Column<Guid>(nullable: false),
                    Index = table.Column<int>(nullable: false),
                    Data = table.Column<byte[]>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_prepared_export_chunks", x => new { x.ExportId, x.Index });
                    table.ForeignKey(
                        name: "FK_report_prepared_export_chunks_report_prepared_exports_ExportId",
                        column: x => x.ExportId,
                        principalTable: "report_prepared_exports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_prepared_exports_ExpiresAt",
                table: "report_prepared_exports",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_report_prepared_exports_State_CreatedAt",
                table: "report_prepared_exports",
                columns: new[] { "State", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_prepared_export_chunks");

            migrationBuilder.DropTable(
                name: "report_prepared_exports");
        }
    }
}
