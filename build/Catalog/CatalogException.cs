namespace Slipway.Catalog;

/// <summary>An invalid image folder or settings file; the message names the file, the value and the fix.</summary>
public sealed class CatalogException(string message) : Exception(message), Engine.IUserFacingException;
