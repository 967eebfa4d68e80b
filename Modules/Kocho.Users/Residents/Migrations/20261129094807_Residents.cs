using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Users.Residents.Migrations
{
    /// <inheritdoc />
    public partial class Residents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resident_profiles",
                columns: table => new
                {
                    UserId = table.Column<string>(maxLength: 64, nullable: false),
                    Email = table.Column<string>(nullable: false),
                    EmailHash = table.Column<string>(maxLength: 64, nullable: false),
                    PendingEmail = table.Column<string>(nullable: true),
                    PendingEmailHash = table.Column<string>(maxLength: 64, nullable: true),
                    Name = table.Column<string>(nullable: false),
                    PostalCode = table.Column<string>(nullable: false),
                    Address = table.Column<string>(nullable: false),
                    Phone = table.Column<string>(nullable: false),
                    PhoneHash = table.Column<string>(maxLength: 64, nullable: false),
                    Fax = table.Column<string>(nullable: true),
                    ConsentedAt = table.Column<DateTime>(nullable: false),
                    ConsentVersion = table.Column<string>(maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_profiles", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resident_profiles_EmailHash",
                table: "resident_profiles",
                column: "EmailHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_profiles_PhoneHash",
                table: "resident_profiles",
                column: "PhoneHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resident_profiles");
        }
    }
}
