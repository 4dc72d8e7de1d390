using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// The DevHost's HTTPS certificate: self-signed for 127.0.0.1, ::1 and localhost, made on first use and kept (owner-only)
/// in the local state directory until it nears expiry. Browsers will warn once; plain HTTP on 127.0.0.1 needs nothing.
/// </summary>
internal static class DevCertificate
{
    public static X509Certificate2 LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, "devhost-https.pfx");
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter > DateTime.UtcNow.AddDays(30))
            {
                return existing;
            }

            existing.Dispose();
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SooperSeller DevHost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = created.Export(X509ContentType.Pfx);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(pfx);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }
}
