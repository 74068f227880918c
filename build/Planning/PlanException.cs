namespace Slipway.Planning;

/// <summary>A repository-level problem found while planning, such as a cycle between images.</summary>
public sealed class PlanException(string message) : Exception(message), Engine.IUserFacingException;
