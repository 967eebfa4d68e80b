using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Privacy.Incidents.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "privacy_incident_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ReportedAt = table.Column<DateTime>(nullable: false),
                    ReporterUserId = table.Column<string>(maxLength: 100, nullable: false),
                    ReporterName = table.Column<string>(maxLength: 200, nullable: false),
                    ReporterDepartmentId = table.Column<Guid>(nullable: true),
                    Kind = table.Column<int>(nullable: false),
                    OccurredOn = table.Column<DateOnly>(nullable: true),
                    Description = table.Column<string>(nullable: false),
                    ActionTaken = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_incident_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_incident_reports_ReportedAt",
                table: "privacy_incident_reports",
                column: "ReportedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_incident_reports");
        }
    }
}
