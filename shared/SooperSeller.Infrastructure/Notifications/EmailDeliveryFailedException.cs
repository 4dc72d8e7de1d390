namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// The SMTP server could not be reached or refused the message. It carries the message id, the failure's type and its
/// SMTP or socket code, and deliberately not the original exception: servers echo recipients in their replies, and
/// whatever an exception holds ends up in the host's logs.
/// </summary>
public sealed class EmailDeliveryFailedException : Exception
{
    public EmailDeliveryFailedException()
        : this("Email delivery failed.")
    {
    }

    public EmailDeliveryFailedException(string message)
        : base(message)
    {
    }

    public EmailDeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
