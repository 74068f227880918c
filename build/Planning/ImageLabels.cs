namespace Slipway.Planning;

/// <summary>The labels Slipway puts on every image it builds.</summary>
public static class ImageLabels
{
    public const string Fingerprint = "dev.slipway.fingerprint";
    public const string Inputs = "dev.slipway.inputs";
}
