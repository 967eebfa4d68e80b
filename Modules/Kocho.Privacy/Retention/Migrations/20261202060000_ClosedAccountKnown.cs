using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Privacy.Retention.Migrations
{
    /// <inheritdoc />
    public partial class ClosedAccountKnown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Known",
                table: "privacy_closed_accounts",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Known",
                table: "privacy_closed_accounts");
        }
    }
}
