using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Kocho.Core.Cli;
using Kocho.Core.Hosting;
using Kocho.Core.Modules;
using Kocho.Core.Sites;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration.Memory;

namespace Kocho.Portal;

/// <summary>
/// Builds and runs the portal: both sites on their own listeners, or a CLI verb on the same configuration
/// and data folder. With no verb, an empty site is set up first and then served.
/// </summary>
public static class KochoPortal
{
    public const string DefaultPublicUrls = "http://127.0.0.1:5000";
    public const string DefaultStaffUrls = "http://127.0.0.1:5001";

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Kocho:Public:Urls"] = DefaultPublicUrls,
        ["Kocho:Staff:Urls"] = DefaultStaffUrls,
        ["Kocho:Setup:Recipe"] = "shinjuku",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        if (IsVerb(app, args))
        {
            return await RunVerbAsync(app, args, Console.Out, Console.Error);
        }
        var cli = new CliRunner(app.Services, Console.Out, Console.Error);
        if (await cli.RunAsync((_, _) => Task.FromResult(0), CancellationToken.None) != 0)
        {
            return 1;
        }
        await app.RunAsync();
        return 0;
    }

    /// <summary>True when the arguments name a verb (or ask for help) instead of starting the sites.</summary>
    public static bool IsVerb(WebApplication app, string[] args)
    {
        var verbArgs = CliArguments(args);
        return verbArgs.Length > 0
            && (verbArgs[0] is "--help" or "-h" or "-?" or "--version"
                || CreateRootCommand(app.Services, new CliRunner(app.Services, TextWriter.Null, TextWriter.Null)).Subcommands.Any(c => c.Name == verbArgs[0]));
    }

    /// <summary>Runs one verb on a built (not started) host; 0 on success, non-zero with a one-line reason otherwise.</summary>
    public static async Task<int> RunVerbAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var runner = new CliRunner(app.Services, output, error);
        var parse = CreateRootCommand(app.Services, runner).Parse(CliArguments(args));
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Builds the host (not started): services of every module, both listeners, the pipeline.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(KochoPortal).Assembly.GetName().Name,
        });
        // Lowest-precedence defaults: appsettings, environment and command line all override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        configure?.Invoke(builder);

        var publicUrls = new SiteListenerOptions { Urls = builder.Configuration["Kocho:Public:Urls"] ?? DefaultPublicUrls };
        var staffUrls = new SiteListenerOptions { Urls = builder.Configuration["Kocho:Staff:Urls"] ?? DefaultStaffUrls };
        var staffPorts = staffUrls.ParsedUrls().Select(u => u.Port).ToHashSet();
        if (publicUrls.ParsedUrls().Any(u => staffPorts.Contains(u.Port)))
        {
            throw new InvalidOperationException("Kocho:Public:Urls and Kocho:Staff:Urls must use different ports.");
        }
        builder.WebHost.UseUrls([.. publicUrls.ParsedUrls().Select(u => u.GetLeftPart(UriPartial.Authority)), .. staffUrls.ParsedUrls().Select(u => u.GetLeftPart(UriPartial.Authority))]);

        var https = ConfigureHttps(builder);
        var catalog = ModuleCatalog.Discover();
        builder.AddKocho(catalog, staffPorts);

        // Data Protection (cookies, antiforgery, personal data) is set up by AddKocho, its key ring in the database.
        if (builder.Configuration.GetValue<bool>("Kocho:ReverseProxy:Enabled"))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        }

        var app = builder.Build();
        if (builder.Configuration.GetValue<bool>("Kocho:ReverseProxy:Enabled"))
        {
            app.UseForwardedHeaders();
        }
        if (https)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            if (response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                response.ContentType = "text/plain; charset=utf-8";
                return response.WriteAsync(response.StatusCode switch
                {
                    404 => "404 ページが見つかりません。URLをご確認ください。(Not Found)",
                    403 => "403 このページを表示する権限がありません。(Forbidden)",
                    429 => "429 アクセスが集中しています。しばらくしてからもう一度お試しください。(Too Many Requests)",
                    _ => $"{response.StatusCode}",
                });
            }
            return Task.CompletedTask;
        });
        app.UseKocho();
        return app;
    }

    /// <summary>HTTPS with the certificate from settings (<c>Kocho:Https:CertificatePath</c>, <c>…:CertificatePassword</c>).</summary>
    private static bool ConfigureHttps(WebApplicationBuilder builder)
    {
        var path = builder.Configuration["Kocho:Https:CertificatePath"];
        if (string.IsNullOrEmpty(path)) return false;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["Kocho:Https:CertificatePassword"]);
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear(); // a configured certificate means HTTPS everywhere, loopback included
        });
        return true;
    }

    public static RootCommand CreateRootCommand(IServiceProvider services, CliRunner runner)
    {
        var root = new RootCommand("Kocho 広聴システム — 引数なしで公開サイトと職員サイトを起動します。");
        foreach (var provider in services.GetServices<ICliCommandProvider>())
        {
            foreach (var command in provider.CreateCommands(runner))
            {
                // Several modules add to one verb (import faq, import legacy): their subcommands share it.
                if (root.Subcommands.FirstOrDefault(c => c.Name == command.Name) is { } verb)
                {
                    foreach (var subcommand in command.Subcommands) verb.Subcommands.Add(subcommand);
                }
                else root.Subcommands.Add(command);
            }
        }
        return root;
    }

    /// <summary>Arguments for the verb parser: configuration overrides (<c>--Kocho:DataPath=…</c>) are for the host only.</summary>
    public static string[] CliArguments(string[] args) =>
        args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && a.Contains('='))).ToArray();
}
