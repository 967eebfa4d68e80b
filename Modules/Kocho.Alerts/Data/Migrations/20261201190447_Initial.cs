using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Alerts.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_preferences",
                columns: table => new
                {
                    UserId = table.Column<string>(maxLength: 64, nullable: false),
                    Kind = table.Column<string>(maxLength: 30, nullable: false),
                    Delivery = table.Column<string>(maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_preferences", x => new { x.UserId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 30, nullable: false),
                    Enabled = table.Column<bool>(nullable: false),
                    BusinessDays = table.Column<int>(nullable: true),
                    Department = table.Column<string>(maxLength: 10, nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: true),
                    Role = table.Column<string>(maxLength: 100, nullable: true),
                    Users = table.Column<string>(maxLength: 2000, nullable: false),
                    Inbox = table.Column<bool>(nullable: false),
                    Mail = table.Column<bool>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 30, nullable: false),
                    ItemType = table.Column<string>(maxLength: 30, nullable: false),
                    ItemId = table.Column<Guid>(nullable: false),
                    RecipientUserId = table.Column<string>(maxLength: 64, nullable: false),
                    BusinessDate = table.Column<DateOnly>(nullable: false),
                    Title = table.Column<string>(maxLength: 200, nullable: false),
                    Detail = table.Column<string>(maxLength: 300, nullable: false),
                    Link = table.Column<string>(maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    InInbox = table.Column<bool>(nullable: false),
                    ReadAt = table.Column<DateTime>(nullable: true),
                    MailState = table.Column<string>(maxLength: 15, nullable: false),
                    MailedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_rules_Kind",
                table: "alert_rules",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Kind_ItemId_RecipientUserId_BusinessDate",
                table: "alerts",
                columns: new[] { "Kind", "ItemId", "RecipientUserId", "BusinessDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_MailState_RecipientUserId",
                table: "alerts",
                columns: new[] { "MailState", "RecipientUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_RecipientUserId_ReadAt",
                table: "alerts",
                columns: new[] { "RecipientUserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_preferences");

            migrationBuilder.DropTable(
                name: "alert_rules");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
