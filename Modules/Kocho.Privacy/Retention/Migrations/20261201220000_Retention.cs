using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Privacy.Retention.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "privacy_closed_accounts",
                columns: table => new
                {
                    UserId = table.Column<string>(maxLength: 64, nullable: false),
                    ClosedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_closed_accounts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "privacy_erased_cases",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    ErasedAt = table.Column<DateTime>(nullable: false),
                    Reason = table.Column<string>(maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_erased_cases", x => x.CaseId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_closed_accounts");

            migrationBuilder.DropTable(
                name: "privacy_erased_cases");
        }
    }
}
