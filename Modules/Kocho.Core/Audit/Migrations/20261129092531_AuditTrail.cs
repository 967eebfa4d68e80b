using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Audit.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_audit_records",
                columns: table => new
                {
                    Sequence = table.Column<long>(nullable: false),
                    OccurredAt = table.Column<DateTime>(nullable: false),
                    ActorKind = table.Column<string>(maxLength: 20, nullable: false),
                    ActorId = table.Column<string>(maxLength: 100, nullable: true),
                    ActorName = table.Column<string>(maxLength: 200, nullable: false),
                    IpAddress = table.Column<string>(maxLength: 45, nullable: true),
                    Action = table.Column<string>(maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(maxLength: 256, nullable: true),
                    Details = table.Column<string>(maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_audit_records", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_records_Action",
                table: "core_audit_records",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_records_ActorId",
                table: "core_audit_records",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_records_EntityType_EntityId",
                table: "core_audit_records",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_records_OccurredAt",
                table: "core_audit_records",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_audit_records");
        }
    }
}
