using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Search.Synonyms.Migrations
{
    /// <inheritdoc />
    public partial class SearchChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_search_changes",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Index = table.Column<string>(maxLength: 40, nullable: false),
                    DocumentId = table.Column<string>(maxLength: 200, nullable: false),
                    Document = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_search_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_search_changes_CreatedUtc",
                table: "core_search_changes",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_core_search_changes_Index_Id",
                table: "core_search_changes",
                columns: new[] { "Index", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_search_changes");
        }
    }
}
