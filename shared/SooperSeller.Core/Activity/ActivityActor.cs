namespace SooperSeller.Core.Activity;

/// <summary>Who acted: a merchant user or a platform staff member (working under an access grant), by id only.</summary>
public sealed record ActivityActor(ActorKind Kind, string Id)
{
    public static ActivityActor User(string userId) => new(ActorKind.User, userId);

    public static ActivityActor Staff(string staffId) => new(ActorKind.Staff, staffId);
}
