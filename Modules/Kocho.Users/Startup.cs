using Kocho.Core.Cli;
using Kocho.Core.Modules;
using Kocho.Core.Setup;
using Kocho.Core.Sites;
using Kocho.Users.Accounts;
using Kocho.Users.Cli;
using Kocho.Users.Data;
using Kocho.Users.Recipes;
using Kocho.Users.Residents;
using Kocho.Users.Roles;
using Kocho.Users.Setup;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Users;

public sealed class Startup : ModuleStartup
{
    /// <summary>Staff sessions end after 30 idle minutes.</summary>
    public static readonly TimeSpan StaffIdleTimeout = TimeSpan.FromMinutes(30);

    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<UsersDbContext>();
        module.AddDbContext<ResidentsDbContext>("Residents");
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddRecipeStep<RolesStep>();
        module.AddRecipeStep<UsersStep>();

        services.AddIdentityCore<KochoUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddRoles<KochoRole>()
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationSchemes.Site;
                o.DefaultChallengeScheme = AuthenticationSchemes.Site;
            })
            .AddPolicyScheme(AuthenticationSchemes.Site, null, o =>
                o.ForwardDefaultSelector = context =>
                    context.RequestServices.GetRequiredService<SiteResolver>().Resolve(context) == Site.Staff
                        ? AuthenticationSchemes.Staff
                        : AuthenticationSchemes.Resident)
            .AddCookie(AuthenticationSchemes.Staff, o =>
            {
                o.Cookie.Name = "kocho.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/denied";
                o.ExpireTimeSpan = StaffIdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = StaffSessionValidator.ValidateAsync;
            })
            .AddCookie(AuthenticationSchemes.Resident, o =>
            {
                o.Cookie.Name = "kocho.resident";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(60);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ResidentSessionValidator.ValidateAsync;
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = "kocho.2fa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o =>
            {
                o.Cookie.Name = "kocho.2fa.remember";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
            });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PendingStepRedirect>();

        services.AddAuthorization(ResidentPolicy.Add);
        services.AddSingleton<PublicLinks>();
        services.AddScoped<ResidentAccounts>();
        services.AddScoped<ResidentSignIn>();
        services.AddScoped<Kocho.Core.Residents.IResidentDirectory, ResidentDirectory>();
        services.AddScoped<Kocho.Core.Staff.IStaffDirectory, StaffDirectory>();
        services.AddScoped<StaffAccounts>();
        services.AddHttpContextAccessor();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<RolePermissions>();
        services.AddScoped<TwoFactorPolicy>();
        services.AddScoped<StaffTwoFactor>();
        services.AddScoped<DepartmentChoices>();
        services.AddScoped<IModuleLifecycleHandler, DefaultPermissionsOnEnable>();
        services.AddScoped<ISiteSetupParticipant, AdminAccountSetup>();
        services.AddSingleton<ICliCommandProvider, UsersCliCommands>();
    }
}
