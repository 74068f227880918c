namespace Slipway.Descriptions;

/// <summary>
/// Failure to read or update a registry description. The message says what failed and what to do next, never
/// contains a password or token, and is meant to be printed without a stack trace.
/// </summary>
public sealed class DescriptionException : Exception, Engine.IUserFacingException
{
    public DescriptionException(string message)
        : base(message)
    {
    }

    public DescriptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
