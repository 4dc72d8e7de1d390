namespace SooperSeller.Core.Accounts;

/// <summary>The front-end pages that links in account emails open.</summary>
public interface IAccountLinks
{
    Uri Verification(string token);

    Uri SignIn();

    Uri PasswordReset();

    /// <summary>The reset page with a single-use reset token.</summary>
    Uri PasswordReset(string token);

    /// <summary>The page that accepts an invitation, with its single-use token.</summary>
    Uri Invitation(string token);
}
