using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kocho.Opinions.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opinion_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ReceiptNumber = table.Column<string>(maxLength: 20, nullable: false),
                    FiscalYear = table.Column<int>(nullable: false),
                    Sequence = table.Column<int>(nullable: false),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    Channel = table.Column<string>(maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(nullable: false),
                    RegisteredAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    Subject = table.Column<string>(maxLength: 200, nullable: false),
                    Body = table.Column<string>(nullable: false),
                    ToMayor = table.Column<bool>(nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    AnswerRequired = table.Column<bool>(nullable: false),
                    AnswerMethod = table.Column<string>(maxLength: 20, nullable: false),
                    Sender = table.Column<string>(maxLength: 20, nullable: false),
                    ResidentUserId = table.Column<string>(maxLength: 64, nullable: true),
                    ContactName = table.Column<string>(nullable: true),
                    ContactPostalCode = table.Column<string>(nullable: true),
                    ContactAddress = table.Column<string>(nullable: true),
                    ContactPhone = table.Column<string>(nullable: true),
                    ContactPhoneHash = table.Column<string>(maxLength: 64, nullable: true),
                    ContactFax = table.Column<string>(nullable: true),
                    ContactEmail = table.Column<string>(nullable: true),
                    ContactEmailHash = table.Column<string>(maxLength: 64, nullable: true),
                    AccessCodeHash = table.Column<string>(maxLength: 64, nullable: true),
                    FormToken = table.Column<string>(maxLength: 64, nullable: true),
                    LeadDepartmentId = table.Column<Guid>(nullable: true),
                    AnswerDue = table.Column<DateOnly>(nullable: true),
                    AnsweredAt = table.Column<DateTime>(nullable: true),
                    ClosedAt = table.Column<DateTime>(nullable: true),
                    CreatedById = table.Column<Guid>(nullable: true),
                    CreatedByDepartmentId = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opinion_receipt_counters",
                columns: table => new
                {
                    fiscal_year = table.Column<int>(nullable: false),
                    last_number = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_receipt_counters", x => x.fiscal_year);
                });

            migrationBuilder.CreateTable(
                name: "opinion_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CaseId = table.Column<Guid>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: true),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    Text = table.Column<string>(nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    Method = table.Column<string>(maxLength: 20, nullable: false),
                    DraftedById = table.Column<Guid>(nullable: true),
                    DraftedByName = table.Column<string>(maxLength: 100, nullable: true),
                    DraftedAt = table.Column<DateTime>(nullable: false),
                    SubmittedAt = table.Column<DateTime>(nullable: true),
                    ApprovedById = table.Column<Guid>(nullable: true),
                    ApprovedByName = table.Column<string>(maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<DateTime>(nullable: true),
                    ReturnReason = table.Column<string>(maxLength: 2000, nullable: true),
                    SentById = table.Column<Guid>(nullable: true),
                    SentByName = table.Column<string>(maxLength: 100, nullable: true),
                    SentAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opinion_answers_opinion_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "opinion_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CaseId = table.Column<Guid>(nullable: false),
                    FileName = table.Column<string>(nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Size = table.Column<long>(nullable: false),
                    Content = table.Column<string>(nullable: false),
                    AddedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opinion_attachments_opinion_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "opinion_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_case_categories",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(nullable: false),
                    CategoryId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_case_categories", x => new { x.CaseId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_opinion_case_categories_opinion_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "opinion_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_forwardings",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CaseId = table.Column<Guid>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: false),
                    Role = table.Column<string>(maxLength: 20, nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    Comment = table.Column<string>(maxLength: 2000, nullable: true),
                    ForwardedAt = table.Column<DateTime>(nullable: false),
                    ForwardedById = table.Column<Guid>(nullable: true),
                    ReturnedAt = table.Column<DateTime>(nullable: true),
                    ReturnReason = table.Column<string>(maxLength: 2000, nullable: true),
                    ReturnedById = table.Column<Guid>(nullable: true),
                    CompletedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_forwardings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opinion_forwardings_opinion_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "opinion_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CaseId = table.Column<Guid>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    ActorId = table.Column<Guid>(nullable: true),
                    ActorName = table.Column<string>(maxLength: 100, nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: true),
                    Action = table.Column<string>(maxLength: 30, nullable: false),
                    Note = table.Column<string>(nullable: true),
                    CorrectsId = table.Column<Guid>(nullable: true),
                    SupersededById = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opinion_history_opinion_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "opinion_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_opinion_answers_CaseId",
                table: "opinion_answers",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opinion_attachments_CaseId",
                table: "opinion_attachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_case_categories_CategoryId",
                table: "opinion_case_categories",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_AnswerDue",
                table: "opinion_cases",
                column: "AnswerDue");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_ContactEmailHash",
                table: "opinion_cases",
                column: "ContactEmailHash");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_ContactPhoneHash",
                table: "opinion_cases",
                column: "ContactPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_FiscalYear_Sequence",
                table: "opinion_cases",
                columns: new[] { "FiscalYear", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_FormToken",
                table: "opinion_cases",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_LeadDepartmentId",
                table: "opinion_cases",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_ReceiptNumber",
                table: "opinion_cases",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_ReceivedOn",
                table: "opinion_cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_ResidentUserId",
                table: "opinion_cases",
                column: "ResidentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_cases_Status",
                table: "opinion_cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_forwardings_CaseId",
                table: "opinion_forwardings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_forwardings_DepartmentId_Status",
                table: "opinion_forwardings",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_opinion_history_At",
                table: "opinion_history",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_opinion_history_CaseId_At",
                table: "opinion_history",
                columns: new[] { "CaseId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opinion_answers");

            migrationBuilder.DropTable(
                name: "opinion_attachments");

            migrationBuilder.DropTable(
                name: "opinion_case_categories");

            migrationBuilder.DropTable(
                name: "opinion_forwardings");

            migrationBuilder.DropTable(
                name: "opinion_history");

            migrationBuilder.DropTable(
                name: "opinion_receipt_counters");

            migrationBuilder.DropTable(
                name: "opinion_cases");
        }
    }
}
