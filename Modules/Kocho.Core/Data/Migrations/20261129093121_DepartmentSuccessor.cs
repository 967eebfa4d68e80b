using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentSuccessor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SuccessorId",
                table: "core_departments",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_departments_SuccessorId",
                table: "core_departments",
                column: "SuccessorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_departments_SuccessorId",
                table: "core_departments");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                table: "core_departments");
        }
    }
}
