using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Mail;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context MailDbContext -o Mail/Migrations</c>).</summary>
public sealed class MailDbContextFactory : IDesignTimeDbContextFactory<MailDbContext>
{
    public MailDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<MailDbContext>("Kocho.Core." + MailDbContext.Feature);
        return new MailDbContext(options, unitOfWork);
    }
}
