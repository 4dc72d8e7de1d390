namespace SooperSeller.Core.Activity;

/// <summary>Administrative actions the audit log records, in the past tense.</summary>
public enum AuditAction
{
    MerchantCreated,
    InvitationSent,
    InvitationRevoked,
    UserJoined,
    UserRemoved,
    RoleChanged,
    OwnershipTransferred,
    StoreConnected,
    StoreDisconnected,
    StaffAccessRequested,
    StaffAccessGranted,
    StaffAccessDenied,
    StaffAccessRevoked,
    AccountClosureRequested,
    AccountClosed,
}
