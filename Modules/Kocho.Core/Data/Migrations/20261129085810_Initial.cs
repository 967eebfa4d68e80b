using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(maxLength: 20, nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: true),
                    ParentId = table.Column<Guid>(nullable: true),
                    SortOrder = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_categories_core_categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "core_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(maxLength: 20, nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: true),
                    Level = table.Column<int>(nullable: false),
                    ParentId = table.Column<Guid>(nullable: true),
                    Phone = table.Column<string>(maxLength: 30, nullable: true),
                    ValidFrom = table.Column<DateOnly>(nullable: true),
                    ValidTo = table.Column<DateOnly>(nullable: true),
                    SortOrder = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_departments_core_departments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "core_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_module_states",
                columns: table => new
                {
                    Id = table.Column<string>(maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(nullable: false),
                    ChangedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_module_states", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_settings",
                columns: table => new
                {
                    Key = table.Column<string>(maxLength: 200, nullable: false),
                    Value = table.Column<string>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_settings", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_categories_Code",
                table: "core_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_categories_ParentId",
                table: "core_categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_core_departments_Code",
                table: "core_departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_departments_ParentId",
                table: "core_departments",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_categories");

            migrationBuilder.DropTable(
                name: "core_departments");

            migrationBuilder.DropTable(
                name: "core_module_states");

            migrationBuilder.DropTable(
                name: "core_settings");
        }
    }
}
