using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Jobs.Migrations
{
    /// <inheritdoc />
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_job_leases",
                columns: table => new
                {
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Owner = table.Column<string>(maxLength: 200, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(nullable: false),
                    LastCompleted = table.Column<string>(maxLength: 100, nullable: true),
                    LastCompletedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_job_leases", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_job_leases");
        }
    }
}
