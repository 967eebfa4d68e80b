using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Faq.Data.Migrations
{
    /// <inheritdoc />
    public partial class Faq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Number = table.Column<int>(nullable: false),
                    OwnerDepartmentId = table.Column<Guid>(nullable: false),
                    PublishedVersionId = table.Column<Guid>(nullable: true),
                    LiveVersionId = table.Column<Guid>(nullable: true),
                    WorkingVersionId = table.Column<Guid>(nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(nullable: true),
                    ViewCount = table.Column<int>(nullable: false),
                    HelpfulCount = table.Column<int>(nullable: false),
                    NotHelpfulCount = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "faq_suggestion_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EntryNumber = table.Column<int>(nullable: false),
                    Opened = table.Column<bool>(nullable: false),
                    OccurredAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_suggestion_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "faq_zero_hit_queries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Query = table.Column<string>(maxLength: 200, nullable: false),
                    Count = table.Column<int>(nullable: false),
                    FirstAt = table.Column<DateTime>(nullable: false),
                    LastAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_zero_hit_queries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "faq_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EntryId = table.Column<Guid>(nullable: false),
                    VersionId = table.Column<Guid>(nullable: false),
                    Helpful = table.Column<bool>(nullable: false),
                    Comment = table.Column<string>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_faq_feedback_faq_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "faq_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EntryId = table.Column<Guid>(nullable: false),
                    VersionId = table.Column<Guid>(nullable: true),
                    VersionNumber = table.Column<int>(nullable: true),
                    Action = table.Column<string>(maxLength: 50, nullable: false),
                    Comment = table.Column<string>(maxLength: 2000, nullable: true),
                    ActorId = table.Column<Guid>(nullable: true),
                    ActorName = table.Column<string>(maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_faq_history_faq_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "faq_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EntryId = table.Column<Guid>(nullable: false),
                    VersionNumber = table.Column<int>(nullable: false),
                    Status = table.Column<int>(nullable: false),
                    Question = table.Column<string>(maxLength: 500, nullable: false),
                    Answer = table.Column<string>(maxLength: 20000, nullable: false),
                    CategoryId = table.Column<Guid>(nullable: true),
                    Keywords = table.Column<string>(maxLength: 1000, nullable: false),
                    RelatedLinks = table.Column<string>(maxLength: 4000, nullable: false),
                    Visibility = table.Column<int>(nullable: false),
                    PublishFrom = table.Column<DateOnly>(nullable: true),
                    PublishTo = table.Column<DateOnly>(nullable: true),
                    ApprovalStep = table.Column<int>(nullable: false),
                    BasedOnVersionId = table.Column<Guid>(nullable: true),
                    EditedBy = table.Column<Guid>(nullable: true),
                    EditedByName = table.Column<string>(maxLength: 200, nullable: false),
                    SubmittedBy = table.Column<Guid>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    PublishedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_faq_versions_faq_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "faq_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_faq_entries_LiveVersionId",
                table: "faq_entries",
                column: "LiveVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_faq_entries_Number",
                table: "faq_entries",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_faq_entries_OwnerDepartmentId",
                table: "faq_entries",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_faq_feedback_EntryId",
                table: "faq_feedback",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_faq_history_EntryId_OccurredAt",
                table: "faq_history",
                columns: new[] { "EntryId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_faq_suggestion_events_EntryNumber_OccurredAt",
                table: "faq_suggestion_events",
                columns: new[] { "EntryNumber", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_faq_versions_EntryId_VersionNumber",
                table: "faq_versions",
                columns: new[] { "EntryId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_faq_versions_Status",
                table: "faq_versions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_faq_zero_hit_queries_Query",
                table: "faq_zero_hit_queries",
                column: "Query",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_feedback");

            migrationBuilder.DropTable(
                name: "faq_history");

            migrationBuilder.DropTable(
                name: "faq_suggestion_events");

            migrationBuilder.DropTable(
                name: "faq_versions");

            migrationBuilder.DropTable(
                name: "faq_zero_hit_queries");

            migrationBuilder.DropTable(
                name: "faq_entries");
        }
    }
}
