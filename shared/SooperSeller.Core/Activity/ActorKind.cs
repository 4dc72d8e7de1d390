namespace SooperSeller.Core.Activity;

public enum ActorKind
{
    User,
    Staff,
}
