using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SooperSeller.Core.Notifications;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// Sends through the SMTP server of <c>Email:Smtp</c> with MailKit: TLS at once on port 465, otherwise STARTTLS whenever
/// the server offers it; credentials only over an encrypted connection (loopback excepted, for local mail catchers).
/// One connection per message: the outbox sends one message per queue message. Failures surface as
/// <see cref="EmailDeliveryFailedException"/>, which holds no address.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    /// <summary>Per SMTP operation; well below the delivery lease, so a stalled server cannot make two deliveries overlap.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(30);

    public async Task<EmailDelivery> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)OperationTimeout.TotalMilliseconds };
        try
        {
            using var message = Compose(email, settings);
            var security = settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                if (!client.IsSecure && !IsLoopback(settings.Host!))
                {
                    throw new EmailDeliveryFailedException($"SMTP delivery of {email.Id} refused: the server offers no TLS, and credentials are never sent in clear text.");
                }

                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EmailDeliveryFailedException)
        {
            throw new EmailDeliveryFailedException($"SMTP delivery of {email.Id} failed: {Describe(e)}");
        }

        await QuitAsync(client);
        return EmailDelivery.Sent;
    }

    internal static MimeMessage Compose(OutgoingEmail email, SmtpOptions settings)
    {
        var from = MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException($"{SmtpOptions.SectionName}:From is not set."));
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = email.CreatedAt,
            // Stable across retries, so a receiving system that de-duplicates by Message-ID sees one message.
            MessageId = $"{email.Id}@{from.Domain}",
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }

    // The message is accepted once SendAsync returns: a failed QUIT must not make the queue function retry and send it again.
    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or TimeoutException or ServiceNotConnectedException)
        {
            // the connection is dropped with the client
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{nameof(SmtpCommandException)} {command.ErrorCode} ({(int)command.StatusCode})",
        SocketException socket => $"{nameof(SocketException)} {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
