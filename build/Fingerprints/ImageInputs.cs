using Slipway.Inputs;

namespace Slipway.Fingerprints;

/// <summary>
/// One input of a fingerprint and its digest: a context entry, the Dockerfile, a build setting or a parent.
/// </summary>
public sealed record InputDigest(string Name, string Digest);

/// <summary>What the builder receives for one image, and the fingerprint computed from it.</summary>
public sealed record ImageInputs(
    IReadOnlyList<ContextEntry> ContextEntries,
    IReadOnlyList<InputDigest> Digests,
    string Fingerprint,
    IReadOnlyList<string> Warnings);
