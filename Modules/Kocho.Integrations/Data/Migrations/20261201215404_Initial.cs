using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Integrations.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_mailbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    MessageKey = table.Column<string>(maxLength: 300, nullable: false),
                    Outcome = table.Column<string>(maxLength: 20, nullable: false),
                    CaseId = table.Column<Guid>(nullable: true),
                    ReceiptNumber = table.Column<string>(maxLength: 20, nullable: true),
                    Reason = table.Column<string>(maxLength: 300, nullable: true),
                    Size = table.Column<long>(nullable: false),
                    ProcessedAt = table.Column<DateTime>(nullable: false),
                    MovedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_mailbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integration_webhook_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DeliveryId = table.Column<Guid>(nullable: false),
                    EndpointId = table.Column<Guid>(nullable: false),
                    Event = table.Column<string>(maxLength: 50, nullable: false),
                    Number = table.Column<int>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    StatusCode = table.Column<int>(nullable: true),
                    Error = table.Column<string>(maxLength: 500, nullable: true),
                    DurationMs = table.Column<int>(nullable: false),
                    Succeeded = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_webhook_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integration_webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EndpointId = table.Column<Guid>(nullable: false),
                    Event = table.Column<string>(maxLength: 50, nullable: false),
                    Payload = table.Column<string>(nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    NextAttemptAt = table.Column<DateTime>(nullable: false),
                    DeliveredAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integration_webhook_endpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Url = table.Column<string>(maxLength: 500, nullable: false),
                    Events = table.Column<string>(maxLength: 300, nullable: false),
                    Secret = table.Column<string>(nullable: false),
                    Enabled = table.Column<bool>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_webhook_endpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_integration_mailbox_messages_MessageKey",
                table: "integration_mailbox_messages",
                column: "MessageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integration_mailbox_messages_ProcessedAt",
                table: "integration_mailbox_messages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_integration_webhook_attempts_At",
                table: "integration_webhook_attempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_integration_webhook_attempts_DeliveryId",
                table: "integration_webhook_attempts",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_integration_webhook_deliveries_EndpointId",
                table: "integration_webhook_deliveries",
                column: "EndpointId");

            migrationBuilder.CreateIndex(
                name: "IX_integration_webhook_deliveries_Status_NextAttemptAt",
                table: "integration_webhook_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integration_mailbox_messages");

            migrationBuilder.DropTable(
                name: "integration_webhook_attempts");

            migrationBuilder.DropTable(
                name: "integration_webhook_deliveries");

            migrationBuilder.DropTable(
                name: "integration_webhook_endpoints");
        }
    }
}
