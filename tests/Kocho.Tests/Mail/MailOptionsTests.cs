using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace Kocho.Tests.Mail;

/// <summary>Mail settings that cannot work stop the site at start, with a message that names the setting.</summary>
[Trait("Category", "Integration")]
public sealed class MailOptionsTests
{
    [Fact]
    public async Task A_port_out_of_range_stops_the_start_with_a_clear_message()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku",
            "--Kocho:Mail:Smtp:Host=smtp.city.shinjuku.example", "--Kocho:Mail:Smtp:Port=70000", "--Kocho:Mail:Smtp:From=kocho@city.shinjuku.example");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Kocho:Mail:Smtp:Port は 1〜65535 のポート番号にしてください（0 または未設定で既定のポート）。現在の値: 70000", error.Message);
    }

    [Fact]
    public async Task An_SMTP_host_without_a_sender_address_stops_the_start()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku", "--Kocho:Mail:Smtp:Host=smtp.city.shinjuku.example");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Kocho:Mail:Smtp:Host を設定したときは Kocho:Mail:Smtp:From（送信元メールアドレス）も設定してください。", error.Message);
    }

    [Fact]
    public async Task An_unknown_security_mode_stops_the_start_naming_the_setting()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku",
            "--Kocho:Mail:Smtp:Host=smtp.city.shinjuku.example", "--Kocho:Mail:Smtp:From=kocho@city.shinjuku.example", "--Kocho:Mail:Smtp:Security=Tls");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Kocho:Mail:Smtp:Security", error.Message);
    }
}
