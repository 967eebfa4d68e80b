using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Users.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffContactData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "users",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmailHash",
                table: "users",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "users",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_ContactEmailHash",
                table: "users",
                column: "ContactEmailHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_ContactEmailHash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "users");

            migrationBuilder.DropColumn(
                name: "ContactEmailHash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "users");
        }
    }
}
