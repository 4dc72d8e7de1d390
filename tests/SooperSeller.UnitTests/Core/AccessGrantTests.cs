using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Staff;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core;

public sealed class AccessGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);
    private static readonly MerchantId Merchant = MerchantId.New();

    [Fact]
    public void Request_ValidReasonAndHours_IsRequestedAndNotActive()
    {
        var grant = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 2, Now);

        Assert.Equal("requested", grant.StateAt(Now));
        Assert.False(grant.IsActiveFor("stf_a", Now));
        Assert.Null(grant.ExpiresAt);
    }

    [Theory]
    [InlineData("too short", 2)]
    [InlineData("Courier booking fails for this shop", 0)]
    [InlineData("Courier booking fails for this shop", 25)]
    public void Request_ReasonOrHoursOutOfRange_IsValidationFailure(string reason, int hours)
    {
        var request = () => AccessGrant.Request("stf_a", Merchant, reason, hours, Now);

        Assert.Throws<ValidationFailedException>(request);
    }

    [Fact]
    public void Approve_ByOwner_IsActiveForRequesterUntilApprovalPlusHoursThenExpired()
    {
        var grant = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 2, Now);

        var approved = grant.Approve(ActivityActor.User("usr_owner"), Now.AddMinutes(10));

        Assert.Equal(Now.AddMinutes(130), approved.ExpiresAt);
        Assert.True(approved.IsActiveFor("stf_a", Now.AddMinutes(129)));
        Assert.False(approved.IsActiveFor("stf_b", Now.AddMinutes(20)));
        Assert.False(approved.IsActiveFor("stf_a", Now.AddMinutes(130)));
        Assert.Equal("expired", approved.StateAt(Now.AddMinutes(130)));
    }

    [Fact]
    public void Approve_BySecondStaffMember_IsActive()
    {
        var grant = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 1, Now);

        var approved = grant.Approve(ActivityActor.Staff("stf_b"), Now);

        Assert.Equal("active", approved.StateAt(Now));
        Assert.Equal(ActivityActor.Staff("stf_b"), approved.DecidedBy);
    }

    [Fact]
    public void Approve_ByRequester_IsForbidden()
    {
        var grant = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 1, Now);

        var approve = () => grant.Approve(ActivityActor.Staff("stf_a"), Now);

        Assert.Throws<ForbiddenException>(approve);
    }

    [Fact]
    public void Deny_Pending_IsDeniedAndNeverActive()
    {
        var grant = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 1, Now);

        var denied = grant.Deny(ActivityActor.User("usr_owner"), Now);

        Assert.Equal("denied", denied.StateAt(Now));
        Assert.False(denied.IsActiveFor("stf_a", Now));
    }

    [Fact]
    public void Approve_AlreadyDecided_IsConflict()
    {
        var denied = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 1, Now).Deny(ActivityActor.User("usr_owner"), Now);

        var approve = () => denied.Approve(ActivityActor.Staff("stf_b"), Now);

        Assert.Throws<ConflictException>(approve);
    }

    [Fact]
    public void Revoke_ActiveGrant_EndsItAtOnce_AndOnlyAnActiveGrantCanBeRevoked()
    {
        var requested = AccessGrant.Request("stf_a", Merchant, "Courier booking fails for this shop", 2, Now);
        var approved = requested.Approve(ActivityActor.User("usr_owner"), Now);

        var revoked = approved.Revoke(ActivityActor.User("usr_owner"), Now.AddMinutes(30));

        Assert.Equal("revoked", revoked.StateAt(Now.AddMinutes(30)));
        Assert.False(revoked.IsActiveFor("stf_a", Now.AddMinutes(30)));
        Assert.Equal(Now.AddMinutes(30), revoked.ExpiresAt);
        Assert.Throws<ConflictException>(() => requested.Revoke(ActivityActor.User("usr_owner"), Now));
        Assert.Throws<ConflictException>(() => revoked.Revoke(ActivityActor.User("usr_owner"), Now.AddMinutes(31)));
        Assert.Throws<ConflictException>(() => approved.Revoke(ActivityActor.User("usr_owner"), Now.AddHours(3)));
        Assert.Throws<ConflictException>(() => revoked.Approve(ActivityActor.User("usr_owner"), Now.AddMinutes(31)));
    }
}
