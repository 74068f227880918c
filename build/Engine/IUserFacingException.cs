namespace Slipway.Engine;

/// <summary>
/// Marks an exception whose message is written for the user (what failed, the value, the fix): the host prints
/// the message alone, without the type name or a stack trace, and exits with the failure code.
/// </summary>
public interface IUserFacingException;
