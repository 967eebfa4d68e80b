using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Core.Mail.Migrations
{
    /// <inheritdoc />
    public partial class InitialMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_mail_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    MessageId = table.Column<string>(maxLength: 300, nullable: false),
                    To = table.Column<string>(nullable: false),
                    Subject = table.Column<string>(nullable: false),
                    TextBody = table.Column<string>(nullable: false),
                    HtmlBody = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    Status = table.Column<string>(maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(nullable: false),
                    LastError = table.Column<string>(maxLength: 500, nullable: true),
                    SentUtc = table.Column<DateTime>(nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(nullable: true),
                    LockedBy = table.Column<string>(maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_mail_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_mail_outbox_MessageId",
                table: "core_mail_outbox",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_mail_outbox_Status_NextAttemptUtc",
                table: "core_mail_outbox",
                columns: new[] { "Status", "NextAttemptUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_mail_outbox");
        }
    }
}
