using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kocho.Core.Data;
using Kocho.Core.Events;
using Kocho.Core.Localization;
using Kocho.Core.Modules;
using Kocho.Core.Navigation;
using Kocho.Core.Protection;
using Kocho.Core.Security;
using Kocho.Core.Sites;
using Kocho.Core.Web;
using Kocho.Core.Web.RateLimiting;
using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Hosting;

/// <summary>
/// Composes the portal from its modules (Orchard's shell, in plain ASP.NET Core): host services, every
/// module's startup, Razor Pages from module assemblies, and the request pipeline shared by both sites.
/// </summary>
public static class KochoHostingExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en")];

    public static WebApplicationBuilder AddKocho(this WebApplicationBuilder builder, ModuleCatalog catalog, IReadOnlySet<int> staffPorts)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(KochoOptions.Section).Get<KochoOptions>() ?? new KochoOptions();
        services.AddSingleton(options);
        services.AddSingleton(catalog);
        services.AddSingleton(DatabaseConnectionFactory.Create(options, builder.Configuration.GetConnectionString("Kocho"), builder.Environment.ContentRootPath));
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();
        services.AddKochoDataProtection(builder.Configuration);
        services.AddSingleton<EnabledModules>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SiteResolver(staffPorts));
        services.AddSingleton<MatcherPolicy, SiteMatcherPolicy>();

        var mvc = services.AddRazorPages(o => o.Conventions.Add(new ModulePageRouteConvention(catalog)));
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalog.Assemblies)
            {
                if (parts.ApplicationParts.Any(p => p is AssemblyPart ap && ap.Assembly == assembly)) continue;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        // Japanese text is written as it is, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kocho.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSingleton(new TranslationCatalog(catalog.Assemblies.Append(typeof(KochoHostingExtensions).Assembly)));
        services.AddSingleton<IStringLocalizerFactory, KochoStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(KochoHostingExtensions)));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ja-JP");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<PermissionRegistry>();
        services.AddScoped<AdminNavigation>();
        services.AddSingleton<PublicNavigation>();
        services.AddSingleton<PublicScriptRegistry>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddKochoRateLimiting(builder.Configuration);

        foreach (var module in catalog.Modules)
        {
            if (module.Manifest.Startup is not { } startupType) continue;
            if (!typeof(ModuleStartup).IsAssignableFrom(startupType))
            {
                throw new InvalidOperationException($"{startupType} must derive from ModuleStartup.");
            }
            module.Startup = (ModuleStartup)Activator.CreateInstance(startupType)!;
            module.Startup.ConfigureServices(services, new ModuleContext(module, services));
        }
        return builder;
    }

    /// <summary>The request pipeline: headers, logs, static assets, culture, auth, then module endpoints.</summary>
    public static WebApplication UseKocho(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<ServerErrorMiddleware>();
        app.UseMiddleware<NulCharacterMiddleware>();
        foreach (var assembly in catalog.Assemblies)
        {
            if (AssetsProvider(assembly) is { } provider)
            {
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = provider,
                    RequestPath = "/assets/" + assembly.GetName().Name,
                    OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
                });
            }
        }
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").WithMetadata(SiteEndpointMetadata.Both);
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? SupportedCultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = context.Request.IsHttps });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).WithMetadata(SiteEndpointMetadata.Both);

        app.MapRazorPages();
        foreach (var module in catalog.Modules)
        {
            if (module.Startup is null) continue;
            var group = app.MapGroup("").WithMetadata(new ModuleEndpointMetadata(module.Id));
            ((IEndpointConventionBuilder)group).Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder route && SiteRoutes.SiteOf(route.RoutePattern.RawText) == Site.Staff)
                {
                    endpoint.Metadata.Add(SiteEndpointMetadata.Staff);
                }
            });
            module.Startup.MapEndpoints(group);
        }
        return app;
    }

    /// <summary>Files under a module's or theme's <c>assets/</c> folder, embedded in its assembly.</summary>
    private static IFileProvider? AssetsProvider(Assembly assembly)
    {
        var root = assembly.GetName().Name + ".assets";
        return assembly.GetManifestResourceNames().Any(n => n.StartsWith(root + ".", StringComparison.Ordinal))
            ? new EmbeddedFileProvider(assembly, root)
            : null;
    }
}
